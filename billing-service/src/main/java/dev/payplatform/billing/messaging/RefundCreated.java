package dev.payplatform.billing.messaging;

/**
 * Data of {@code refund.created}: checkout-service refunds through its processor and answers
 * refund.succeeded / refund.failed. Schema: docs/events/billing/refund.created.schema.json.
 */
public record RefundCreated(
    String refundId, String paymentId, long amount, String currency, String reason) {}
