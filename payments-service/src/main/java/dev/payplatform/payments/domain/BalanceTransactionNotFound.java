package dev.payplatform.payments.domain;

import dev.payplatform.commons.errors.DomainException;

/** No balance transaction of the caller's merchant and mode has this id. */
public class BalanceTransactionNotFound extends DomainException {
  private final String id;

  public BalanceTransactionNotFound(String id) {
    super("No such balance transaction: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
