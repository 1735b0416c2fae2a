package dev.payplatform.billing.service.subscriptions;

/**
 * A session-based subscription request (checkout.subscription_requested). Parked requests are
 * stored as this record's JSON, so its component names are a stored format.
 */
public record SessionRequest(
    String sessionId,
    String paymentIntentId,
    String paymentId,
    String customerId,
    String planId,
    Long amount,
    String currency) {}
