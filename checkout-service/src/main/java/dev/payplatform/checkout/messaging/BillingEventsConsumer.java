package dev.payplatform.checkout.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.checkout.service.IntentService;
import dev.payplatform.checkout.service.IntentService.OffSessionCharge;
import dev.payplatform.checkout.service.RefundService;
import dev.payplatform.checkout.service.RefundService.RefundRequest;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.inbox.Inbox;
import dev.payplatform.commons.money.Money;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * What checkout does for billing-service (docs/events/README.md, billing.events): {@code
 * refund.created} → refund through the processor; {@code invoice.charge_requested} → charge the
 * saved card off-session. Every other type is ignored. Each event takes effect once (inbox, in the
 * same transaction as the effect). An event we cannot read is logged and skipped; a failure of our
 * own handling fails the message, so it is not silently lost.
 */
@ApplicationScoped
public class BillingEventsConsumer {
  private static final Logger LOG = Logger.getLogger(BillingEventsConsumer.class);
  static final String CONSUMER = "checkout-service.billing-events";
  static final String REFUND_CREATED = "refund.created";
  static final String CHARGE_REQUESTED = "invoice.charge_requested";

  private final Inbox inbox;
  private final ObjectMapper json;
  private final RefundService refunds;
  private final IntentService intents;

  public BillingEventsConsumer(
      Inbox inbox, ObjectMapper json, RefundService refunds, IntentService intents) {
    this.inbox = inbox;
    this.json = json;
    this.refunds = refunds;
    this.intents = intents;
  }

  @Incoming("billing-events")
  @WithTransaction
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    IncomingEvent event;
    try {
      event = IncomingEvent.from(record, json);
    } catch (IllegalArgumentException e) {
      LOG.warnf("skipping an unreadable record on %s: %s", record.topic(), e.getMessage());
      return Uni.createFrom().voidItem();
    }
    return switch (event.type()) {
      case REFUND_CREATED -> handle(event, this::refundRequest, req -> refunds.refund(req));
      case CHARGE_REQUESTED -> handle(event, this::chargeRequest, intents::chargeOffSession);
      default -> Uni.createFrom().voidItem();
    };
  }

  private <T> Uni<Void> handle(
      IncomingEvent event, Function<IncomingEvent, T> read, Function<T, Uni<?>> effect) {
    T request;
    try {
      request = read.apply(event);
    } catch (MalformedEvent e) {
      LOG.warnf("skipping %s %s: %s", event.type(), event.id(), e.getMessage());
      return Uni.createFrom().voidItem();
    }
    return inbox
        .claim(CONSUMER, event.id())
        .chain(
            first -> {
              if (!first) {
                LOG.debugf("event %s was handled already", event.id());
                return Uni.createFrom().voidItem();
              }
              return effect.apply(request).replaceWithVoid();
            });
  }

  private RefundRequest refundRequest(IncomingEvent e) {
    JsonNode d = e.data();
    String currency = currency(d);
    return new RefundRequest(
        merchant(e),
        livemode(e),
        text(d, "refund_id", "re"),
        text(d, "payment_id", "pay"),
        amount(d, currency),
        currency);
  }

  private OffSessionCharge chargeRequest(IncomingEvent e) {
    JsonNode d = e.data();
    String currency = currency(d);
    return new OffSessionCharge(
        merchant(e),
        livemode(e),
        text(d, "invoice_id", "in"),
        optionalText(d, "subscription_id"),
        optionalText(d, "customer_id"),
        text(d, "payment_id", "pay"),
        text(d, "payment_method_id", "pm"),
        amount(d, currency),
        currency,
        optionalText(d, "description"));
  }

  private static String merchant(IncomingEvent e) {
    if (e.merchantId() == null || e.merchantId().isBlank()) {
      throw new MalformedEvent("no ce_merchantid");
    }
    return e.merchantId();
  }

  private static boolean livemode(IncomingEvent e) {
    if (e.livemode() == null) {
      throw new MalformedEvent("no ce_livemode");
    }
    return e.livemode();
  }

  private static String text(JsonNode d, String field, String idPrefix) {
    JsonNode v = d.path(field);
    if (!v.isTextual() || !v.asText().startsWith(idPrefix + "_")) {
      throw new MalformedEvent(field + " is missing or not a " + idPrefix + "_ id");
    }
    return v.asText();
  }

  private static String optionalText(JsonNode d, String field) {
    JsonNode v = d.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  private static String currency(JsonNode d) {
    JsonNode v = d.path("currency");
    try {
      return Money.parseCurrency(v.isTextual() ? v.asText() : null, "currency").getCurrencyCode();
    } catch (RuntimeException invalid) {
      throw new MalformedEvent("currency is missing or unknown");
    }
  }

  private static long amount(JsonNode d, String currency) {
    JsonNode v = d.path("amount");
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new MalformedEvent("amount is not an integer of minor units");
    }
    try {
      return Money.ofMinorUnits(v.asLong(), java.util.Currency.getInstance(currency), "amount")
          .minorUnits();
    } catch (RuntimeException invalid) {
      throw new MalformedEvent("amount is out of range");
    }
  }

  /** An event whose data we cannot act on: logged and skipped, never retried. */
  static final class MalformedEvent extends RuntimeException {
    MalformedEvent(String message) {
      super(message, null, false, false);
    }
  }
}
