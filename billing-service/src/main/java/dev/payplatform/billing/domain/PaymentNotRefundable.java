package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** Only a completed (or partially refunded) payment can be refunded. */
public class PaymentNotRefundable extends DomainException {

  public PaymentNotRefundable(String paymentId, PaymentRecordStatus status) {
    super(
        "Payment "
            + paymentId
            + " is "
            + status.wire()
            + ": only completed (or partially refunded) payments can be refunded.");
  }
}
