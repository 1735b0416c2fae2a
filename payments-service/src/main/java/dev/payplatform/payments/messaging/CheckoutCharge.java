package dev.payplatform.payments.messaging;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.messaging.EventPayload;
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
    Network network,
    String declineReason,
    String failureMessage,
    String cancellationReason)
    implements EventPayload {

  @Override
  public String problem() {
    if (!Ids.looksLike(paymentId, Ids.PAYMENT)) {
      return "payment_id is missing or not a pay_ id";
    }
    if (amount == null || amount <= 0) {
      return "amount must be a positive number of minor units";
    }
    return EventPayload.isCurrencyCode(currency) ? null : "currency is not an ISO-4217 code";
  }

  /** Never more than this: no PAN, no CVC. */
  public record Card(
      String brand,
      String last4,
      String expMonth,
      String expYear,
      String country,
      String fingerprint) {}

  /** The card network's answer to a live charge (docs/connectors.md); null in test mode. */
  public record Network(
      String authorizationCode, String retrievalReferenceNumber, String responseCode) {}
}
