package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** Pending refunds already reserve everything that remains refundable on the payment. */
public class RefundsPendingForRemainder extends DomainException {

  public RefundsPendingForRemainder(String paymentId) {
    super(
        "Payment "
            + paymentId
            + " has refunds pending for everything that remains; nothing is left to refund.");
  }
}
