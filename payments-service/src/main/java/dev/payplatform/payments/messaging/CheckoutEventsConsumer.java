package dev.payplatform.payments.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.inbox.Inbox;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.service.PaymentLifecycle;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Currency;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * checkout.events → payments: intents that succeed, fail, need 3DS or are canceled, and refunds
 * that went through. Each event is claimed in the inbox in the same transaction as its effect, so a
 * redelivery does nothing; other event types are skipped.
 */
@ApplicationScoped
public class CheckoutEventsConsumer {
  static final String CONSUMER = "payments-service.checkout-events";
  private static final Logger LOG = Logger.getLogger(CheckoutEventsConsumer.class);
  private static final Map<String, PaymentStatus> INTENT_OUTCOMES =
      Map.of(
          "payment_intent.succeeded", PaymentStatus.COMPLETED,
          "payment_intent.payment_failed", PaymentStatus.FAILED,
          "payment_intent.requires_action", PaymentStatus.REQUIRES_ACTION,
          "payment_intent.canceled", PaymentStatus.CANCELED);
  private static final String REFUND_SUCCEEDED = "refund.succeeded";

  private final Inbox inbox;
  private final PaymentLifecycle lifecycle;
  private final ObjectMapper json;

  public CheckoutEventsConsumer(Inbox inbox, PaymentLifecycle lifecycle, ObjectMapper json) {
    this.inbox = inbox;
    this.lifecycle = lifecycle;
    this.json = json;
  }

  @Incoming("checkout-events")
  @WithTransaction
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    IncomingEvent event;
    try {
      event = IncomingEvent.from(record, json);
    } catch (IllegalArgumentException malformed) {
      LOG.warnf("skipping a malformed checkout record: %s", malformed.getMessage());
      return Uni.createFrom().voidItem();
    }
    PaymentStatus outcome = INTENT_OUTCOMES.get(event.type());
    if (outcome == null && !REFUND_SUCCEEDED.equals(event.type())) {
      return Uni.createFrom().voidItem();
    }
    if (event.merchantId() == null || event.livemode() == null) {
      LOG.warnf("skipping %s %s: no ce_merchantid/ce_livemode", event.type(), event.id());
      return Uni.createFrom().voidItem();
    }
    if (outcome != null) {
      CheckoutCharge charge = read(event, CheckoutCharge.class);
      String problem = charge == null ? "data is not a charge" : problem(charge);
      if (problem != null) {
        LOG.warnf("skipping malformed %s %s: %s", event.type(), event.id(), problem);
        return Uni.createFrom().voidItem();
      }
      return inbox
          .claim(CONSUMER, event.id())
          .chain(first -> first ? lifecycle.onCharge(event, charge, outcome) : skip(event));
    }
    CheckoutRefund refund = read(event, CheckoutRefund.class);
    String problem = refund == null ? "data is not a refund" : problem(refund);
    if (problem != null) {
      LOG.warnf("skipping malformed %s %s: %s", event.type(), event.id(), problem);
      return Uni.createFrom().voidItem();
    }
    return inbox
        .claim(CONSUMER, event.id())
        .chain(first -> first ? lifecycle.onRefund(event, refund) : skip(event));
  }

  private Uni<Void> skip(IncomingEvent event) {
    LOG.debugf("%s %s already handled", event.type(), event.id());
    return Uni.createFrom().voidItem();
  }

  private <T> T read(IncomingEvent event, Class<T> type) {
    if (event.data() == null || !event.data().isObject()) {
      return null;
    }
    try {
      return json.treeToValue(event.data(), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  static String problem(CheckoutCharge c) {
    if (!Ids.looksLike(c.paymentId(), "pay")) {
      return "payment_id is missing or not a pay_ id";
    }
    if (c.amount() == null || c.amount() <= 0) {
      return "amount must be a positive number of minor units";
    }
    return currencyProblem(c.currency());
  }

  static String problem(CheckoutRefund r) {
    if (r.refundId() == null || r.refundId().isBlank()) {
      return "refund_id is missing";
    }
    if (!Ids.looksLike(r.paymentId(), "pay")) {
      return "payment_id is missing or not a pay_ id";
    }
    if (r.amount() == null || r.amount() <= 0) {
      return "amount must be a positive number of minor units";
    }
    return currencyProblem(r.currency());
  }

  private static String currencyProblem(String code) {
    try {
      if (code != null && code.length() == 3 && Currency.getInstance(code) != null) {
        return null;
      }
    } catch (IllegalArgumentException unknown) {
      // falls through
    }
    return "currency is not an ISO-4217 code";
  }
}
