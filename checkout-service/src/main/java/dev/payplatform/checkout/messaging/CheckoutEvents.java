package dev.payplatform.checkout.messaging;

import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.Refund;
import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.outbox.OutboxWriter;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardSummary;
import dev.payplatform.processor.NetworkDetails;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The events checkout-service emits on {@code checkout.events} (docs/events/README.md, schemas in
 * docs/events/checkout/). Each call appends to the outbox, so it must run inside the transaction
 * that made the change: both commit or neither. Card data in events is the {@link CardSummary}
 * (brand, last 4, expiry, country, fingerprint), never more.
 */
@ApplicationScoped
public class CheckoutEvents {
  public static final String INTENT_CREATED = "payment_intent.created";
  public static final String INTENT_REQUIRES_ACTION = "payment_intent.requires_action";
  public static final String INTENT_SUCCEEDED = "payment_intent.succeeded";
  public static final String INTENT_PAYMENT_FAILED = "payment_intent.payment_failed";
  public static final String INTENT_CANCELED = "payment_intent.canceled";
  public static final String SESSION_CREATED = "checkout.session.created";
  public static final String SESSION_COMPLETED = "checkout.session.completed";
  public static final String SESSION_EXPIRED = "checkout.session.expired";
  public static final String SUBSCRIPTION_REQUESTED = "checkout.subscription_requested";
  public static final String REFUND_SUCCEEDED = "refund.succeeded";
  public static final String REFUND_FAILED = "refund.failed";

  private final OutboxWriter outbox;
  private final String topic;

  public CheckoutEvents(
      OutboxWriter outbox, @ConfigProperty(name = "platform.topics.checkout") String topic) {
    this.outbox = outbox;
    this.topic = topic;
  }

  public Uni<String> intentCreated(PaymentIntent pi) {
    Map<String, Object> data = charge(pi);
    data.put("status", "requires_payment_method");
    return emitIntent(INTENT_CREATED, pi, data);
  }

  /** {@code nextActionUrl} is the challenge page without the buyer's one-time proof. */
  public Uni<String> intentRequiresAction(PaymentIntent pi, String nextActionUrl) {
    Map<String, Object> data = charge(pi);
    data.put("next_action_url", nextActionUrl);
    return emitIntent(INTENT_REQUIRES_ACTION, pi, data);
  }

  public Uni<String> intentSucceeded(PaymentIntent pi) {
    Map<String, Object> data = charge(pi);
    data.put("succeeded_at", Timestamps.format(pi.succeededAt));
    return emitIntent(INTENT_SUCCEEDED, pi, data);
  }

  public Uni<String> intentPaymentFailed(PaymentIntent pi) {
    Map<String, Object> data = charge(pi);
    data.put("decline_reason", pi.lastDeclineReason);
    data.put("failure_message", pi.lastFailureMessage);
    data.put("attempts", pi.failedAttempts);
    return emitIntent(INTENT_PAYMENT_FAILED, pi, data);
  }

  public Uni<String> intentCanceled(PaymentIntent pi) {
    Map<String, Object> data = charge(pi);
    data.put("cancellation_reason", pi.cancellationReason);
    return emitIntent(INTENT_CANCELED, pi, data);
  }

  public Uni<String> sessionCreated(CheckoutSession s) {
    return emitSession(
        SESSION_CREATED,
        s,
        new SessionCreated(
            s.id,
            s.amount,
            s.currency,
            s.mode,
            s.priceId,
            s.customerId,
            s.description,
            List.of(s.items),
            s.returnUrl,
            Timestamps.format(s.expiresAt)));
  }

  public Uni<String> sessionCompleted(CheckoutSession s, PaymentIntent pi) {
    return emitSession(SESSION_COMPLETED, s, new SessionCompleted(s.id, pi.id, pi.paymentId));
  }

  public Uni<String> sessionExpired(CheckoutSession s) {
    return emitSession(SESSION_EXPIRED, s, new SessionExpired(s.id));
  }

  public Uni<String> subscriptionRequested(CheckoutSession s, PaymentIntent pi) {
    return emitSession(
        SUBSCRIPTION_REQUESTED,
        s,
        new SubscriptionRequested(
            s.id, pi.id, pi.paymentId, s.customerId, s.priceId, s.amount, s.currency));
  }

  public Uni<String> refundSucceeded(Refund r) {
    return outbox.append(
        new OutgoingEvent(
            topic,
            REFUND_SUCCEEDED,
            r.id,
            r.merchantId,
            r.livemode,
            new RefundSucceeded(r.id, r.paymentId, r.amount, r.currency)));
  }

  public Uni<String> refundFailed(Refund r) {
    return outbox.append(
        new OutgoingEvent(
            topic,
            REFUND_FAILED,
            r.id,
            r.merchantId,
            r.livemode,
            new RefundFailed(r.id, r.paymentId, r.amount, r.currency, r.failureReason)));
  }

  /** The charge fields every payment-intent event carries (docs/events/README.md). */
  static Map<String, Object> charge(PaymentIntent pi) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("payment_intent_id", pi.id);
    m.put("payment_id", pi.paymentId);
    m.put("purpose", pi.purpose);
    m.put("reference", pi.reference);
    m.put("session_id", pi.sessionId);
    m.put("invoice_id", pi.invoiceId);
    m.put("payment_link_id", pi.paymentLinkId);
    m.put("subscription_id", pi.subscriptionId);
    m.put("customer_id", pi.customerId);
    m.put("amount", pi.amount);
    m.put("currency", pi.currency);
    m.put("description", pi.description);
    m.put("items", pi.items == null ? List.of() : List.of(pi.items));
    m.put("return_url", pi.returnUrl);
    m.put("customer_email", pi.customerEmail);
    CardSummary card = pi.card();
    m.put("card", card == null ? null : CardData.of(card));
    NetworkDetails network = pi.network();
    m.put("network", network == null ? null : NetworkData.of(network));
    m.put("payment_method_id", pi.paymentMethodId);
    m.put("off_session", pi.offSession);
    return m;
  }

  // Key = the intent id, so one intent's events stay in order on one partition.
  private Uni<String> emitIntent(String type, PaymentIntent pi, Map<String, Object> data) {
    return outbox.append(new OutgoingEvent(topic, type, pi.id, pi.merchantId, pi.livemode, data));
  }

  private Uni<String> emitSession(String type, CheckoutSession s, Object data) {
    return outbox.append(new OutgoingEvent(topic, type, s.id, s.merchantId, s.livemode, data));
  }

  /** The card in an event: never more than this. */
  public record CardData(
      String brand,
      String last4,
      Integer expMonth,
      Integer expYear,
      String country,
      String fingerprint) {
    static CardData of(CardSummary c) {
      return new CardData(
          c.brand(), c.last4(), c.expMonth(), c.expYear(), c.country(), c.fingerprint());
    }
  }

  /** The card network's answer to a live charge (docs/connectors.md). */
  public record NetworkData(
      String authorizationCode, String retrievalReferenceNumber, String responseCode) {
    static NetworkData of(NetworkDetails n) {
      return new NetworkData(n.authorizationCode(), n.retrievalReferenceNumber(), n.responseCode());
    }
  }

  public record SessionCreated(
      String sessionId,
      long amount,
      String currency,
      String mode,
      String priceId,
      String customerId,
      String description,
      List<String> items,
      String returnUrl,
      String expiresAt) {}

  public record SessionCompleted(String sessionId, String paymentIntentId, String paymentId) {}

  public record SessionExpired(String sessionId) {}

  public record SubscriptionRequested(
      String sessionId,
      String paymentIntentId,
      String paymentId,
      String customerId,
      String planId,
      long amount,
      String currency) {}

  public record RefundSucceeded(String refundId, String paymentId, long amount, String currency) {}

  public record RefundFailed(
      String refundId, String paymentId, long amount, String currency, String failureReason) {}
}
