package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * A request names an object (by {@code field}) that this merchant and mode do not have, as if it
 * did not exist at all.
 */
public class ReferenceNotFound extends DomainException {
  private final String field;
  private final String object;
  private final String id;

  public ReferenceNotFound(String field, String object, String id) {
    super("No such " + object + ": '" + id + "' (" + field + ")");
    this.field = field;
    this.object = object;
    this.id = id;
  }

  public String field() {
    return field;
  }

  public String object() {
    return object;
  }

  public String id() {
    return id;
  }
}
