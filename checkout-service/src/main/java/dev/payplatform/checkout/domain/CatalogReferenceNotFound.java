package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * A subscription-mode session names a plan ({@code price_id}) or a customer ({@code customer_id})
 * that this merchant and mode do not have: answered as for another merchant's object.
 */
public class CatalogReferenceNotFound extends DomainException {
  private final String field;
  private final String what;
  private final String id;

  private CatalogReferenceNotFound(String field, String what, String id) {
    super("No such " + what + " (" + field + "): " + id);
    this.field = field;
    this.what = what;
    this.id = id;
  }

  public static CatalogReferenceNotFound plan(String id) {
    return new CatalogReferenceNotFound("price_id", "plan", id);
  }

  public static CatalogReferenceNotFound customer(String id) {
    return new CatalogReferenceNotFound("customer_id", "customer", id);
  }

  /** The request field that names it. */
  public String field() {
    return field;
  }

  /** What it should have been: plan or customer. */
  public String what() {
    return what;
  }

  public String id() {
    return id;
  }
}
