package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** A payment refunded in full can be refunded no further. */
public class PaymentAlreadyRefunded extends DomainException {

  public PaymentAlreadyRefunded(String paymentId) {
    super("Payment " + paymentId + " has already been fully refunded.");
  }
}
