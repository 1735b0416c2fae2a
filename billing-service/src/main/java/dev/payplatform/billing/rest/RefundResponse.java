package dev.payplatform.billing.rest;

import dev.payplatform.billing.domain.Refund;
import dev.payplatform.commons.time.Timestamps;

/** A refund as the API returns it and refund.updated carries it; amount in minor units. */
public record RefundResponse(
    String id,
    String object,
    String paymentId,
    long amount,
    String currency,
    String reason,
    String status,
    String failureReason,
    boolean livemode,
    String createdAt,
    String updatedAt) {

  public static RefundResponse of(Refund r) {
    return new RefundResponse(
        r.id,
        "refund",
        r.paymentId,
        r.amount,
        r.currency,
        r.reason,
        r.status.wire(),
        r.failureReason,
        r.livemode,
        Timestamps.format(r.createdAt),
        Timestamps.format(r.updatedAt));
  }
}
