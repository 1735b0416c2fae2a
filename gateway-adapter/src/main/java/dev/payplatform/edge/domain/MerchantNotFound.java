package dev.payplatform.edge.domain;

import dev.payplatform.commons.errors.DomainException;

/** The operator named a merchant that does not exist. */
public class MerchantNotFound extends DomainException {
  private final String id;

  public MerchantNotFound(String id) {
    super("No such merchant: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
