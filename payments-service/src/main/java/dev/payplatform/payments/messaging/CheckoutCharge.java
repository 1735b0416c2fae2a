package dev.payplatform.payments.messaging;

import java.util.List;

/**
 * The charge fields every {@code payment_intent.*} event on {@code checkout.events} carries
 * (docs/events/README.md), read tolerantly: unknown fields are ignored.
 */
public record CheckoutCharge(
    String paymentIntentId,
    String paymentId,
    String purpose,
    String reference,
    String sessionId,
    String invoiceId,
    String paymentLinkId,
    String subscriptionId,
    String customerId,
    Long amount,
    String currency,
    String description,
    List<String> items,
    String returnUrl,
    String customerEmail,
    Card card,
    String declineReason,
    String failureMessage,
    String cancellationReason) {

  /** Never more than this: no PAN, no CVC. */
  public record Card(
      String brand,
      String last4,
      String expMonth,
      String expYear,
      String country,
      String fingerprint) {}
}
