package dev.payplatform.checkout.messaging;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.payplatform.checkout.config.CheckoutTopicsConfig;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.ProcessorRefund;
import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.outbox.OutboxWriter;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardSummary;
import dev.payplatform.processor.NetworkDetails;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The events checkout-service emits, each a typed record declared here on {@code checkout.events}
 * (docs/events/README.md, schemas in docs/events/checkout/). Each call appends to the outbox, so it
 * must run inside the transaction that made the change: both commit or neither. Card data in events
 * is the {@link CardSummary} (brand, last 4, expiry, country, fingerprint), never more.
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
  public static final String DISPUTE_OPENED = "processor.dispute_opened";

  private final OutboxWriter outbox;
  private final String topic;

  public CheckoutEvents(OutboxWriter outbox, CheckoutTopicsConfig topics) {
    this.outbox = outbox;
    this.topic = topics.checkout();
  }

  public Uni<String> intentCreated(PaymentIntent pi) {
    return emitIntent(
        INTENT_CREATED, pi, new IntentCreated(Charge.of(pi), "requires_payment_method"));
  }

  /** {@code nextActionUrl} is the challenge page without the buyer's one-time proof. */
  public Uni<String> intentRequiresAction(PaymentIntent pi, String nextActionUrl) {
    return emitIntent(
        INTENT_REQUIRES_ACTION, pi, new IntentRequiresAction(Charge.of(pi), nextActionUrl));
  }

  public Uni<String> intentSucceeded(PaymentIntent pi) {
    return emitIntent(
        INTENT_SUCCEEDED,
        pi,
        new IntentSucceeded(Charge.of(pi), Timestamps.format(pi.succeededAt)));
  }

  public Uni<String> intentPaymentFailed(PaymentIntent pi) {
    return emitIntent(
        INTENT_PAYMENT_FAILED,
        pi,
        new IntentPaymentFailed(
            Charge.of(pi), pi.lastDeclineReason, pi.lastFailureMessage, pi.failedAttempts));
  }

  public Uni<String> intentCanceled(PaymentIntent pi) {
    return emitIntent(
        INTENT_CANCELED, pi, new IntentCanceled(Charge.of(pi), pi.cancellationReason));
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

  public Uni<String> refundSucceeded(ProcessorRefund r) {
    return outbox.append(
        new OutgoingEvent(
            topic,
            REFUND_SUCCEEDED,
            r.id,
            r.merchantId,
            r.livemode,
            new RefundSucceeded(r.id, r.paymentId, r.amount, r.currency)));
  }

  public Uni<String> refundFailed(ProcessorRefund r) {
    return outbox.append(
        new OutgoingEvent(
            topic,
            REFUND_FAILED,
            r.id,
            r.merchantId,
            r.livemode,
            new RefundFailed(r.id, r.paymentId, r.amount, r.currency, r.failureReason)));
  }

  /**
   * The processor reports a dispute of a charge (the sandbox's disputing cards, or an operator
   * recording an acquirer's chargeback); payments-service opens the merchant's dispute. Key = the
   * intent id, in order after its success.
   */
  public Uni<String> disputeOpened(String merchantId, boolean livemode, DisputeOpened data) {
    return outbox.append(
        new OutgoingEvent(
            topic, DISPUTE_OPENED, data.paymentIntentId(), merchantId, livemode, data));
  }

  // Key = the intent id, so one intent's events stay in order on one partition.
  private Uni<String> emitIntent(String type, PaymentIntent pi, Object data) {
    return outbox.append(new OutgoingEvent(topic, type, pi.id, pi.merchantId, pi.livemode, data));
  }

  private Uni<String> emitSession(String type, CheckoutSession s, Object data) {
    return outbox.append(new OutgoingEvent(topic, type, s.id, s.merchantId, s.livemode, data));
  }

  /**
   * The charge fields every payment-intent event carries (docs/events/README.md), first and in this
   * order; each event adds its own after them.
   */
  public record Charge(
      String paymentIntentId,
      String paymentId,
      String purpose,
      String reference,
      String sessionId,
      String invoiceId,
      String paymentLinkId,
      String subscriptionId,
      String customerId,
      long amount,
      String currency,
      String description,
      List<String> items,
      String returnUrl,
      String customerEmail,
      CardData card,
      NetworkData network,
      String paymentMethodId,
      boolean offSession) {
    static Charge of(PaymentIntent pi) {
      CardSummary card = pi.card();
      NetworkDetails network = pi.network();
      return new Charge(
          pi.id,
          pi.paymentId,
          pi.purpose,
          pi.reference,
          pi.sessionId,
          pi.invoiceId,
          pi.paymentLinkId,
          pi.subscriptionId,
          pi.customerId,
          pi.amount,
          pi.currency,
          pi.description,
          pi.items == null ? List.of() : List.of(pi.items),
          pi.returnUrl,
          pi.customerEmail,
          card == null ? null : CardData.of(card),
          network == null ? null : NetworkData.of(network),
          pi.paymentMethodId,
          pi.offSession);
    }
  }

  /**
   * A dispute the processor reports: {@code processorReference} is its case at the processor (the
   * sandbox's charge id; the acquirer's case number), once per dispute; {@code networkReasonCode}
   * the card network's reason code where the acquirer gave one.
   */
  public record DisputeOpened(
      String paymentIntentId,
      String paymentId,
      String chargeRef,
      String processorReference,
      long amount,
      String currency,
      String reason,
      boolean inquiry,
      String networkReasonCode,
      String openedAt) {}

  public record IntentCreated(@JsonUnwrapped Charge charge, String status) {}

  public record IntentRequiresAction(@JsonUnwrapped Charge charge, String nextActionUrl) {}

  public record IntentSucceeded(@JsonUnwrapped Charge charge, String succeededAt) {}

  public record IntentPaymentFailed(
      @JsonUnwrapped Charge charge, String declineReason, String failureMessage, int attempts) {}

  public record IntentCanceled(@JsonUnwrapped Charge charge, String cancellationReason) {}

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
