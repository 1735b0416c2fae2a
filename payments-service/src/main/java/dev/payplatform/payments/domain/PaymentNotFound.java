package dev.payplatform.payments.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * No payment of the caller's merchant and mode has this id: unknown, another merchant's and another
 * mode's all look the same.
 */
public class PaymentNotFound extends DomainException {
  public PaymentNotFound(String id) {
    super("no such payment: " + id);
  }
}
