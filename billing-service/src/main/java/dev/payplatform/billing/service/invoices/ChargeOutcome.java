package dev.payplatform.billing.service.invoices;

/** A charge outcome from checkout-service (payment_intent.succeeded / .payment_failed). */
public record ChargeOutcome(
    String purpose,
    String invoiceId,
    String paymentId,
    String paymentIntentId,
    String paymentMethodId,
    boolean succeeded,
    boolean offSession,
    String declineReason) {}
