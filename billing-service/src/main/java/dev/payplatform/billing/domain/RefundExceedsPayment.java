package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** A refund may not exceed what remains refundable on its payment. */
public class RefundExceedsPayment extends DomainException {

  public RefundExceedsPayment(long requested, String paymentId, long remaining, String currency) {
    super(
        "The refund amount "
            + requested
            + " exceeds what remains refundable on payment "
            + paymentId
            + ": "
            + remaining
            + " ("
            + currency
            + " minor units).");
  }
}
