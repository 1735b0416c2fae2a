package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * A refund of a payment whose dispute is still open: the card network returns the money if the
 * cardholder wins, so a refund now could pay them twice (docs/disputes.md, the refund guard).
 */
public class PaymentDisputed extends DomainException {
  public PaymentDisputed(String paymentId, String disputeId) {
    super(
        "Payment "
            + paymentId
            + " is disputed ("
            + disputeId
            + "): it cannot be refunded while the dispute is open.");
  }
}
