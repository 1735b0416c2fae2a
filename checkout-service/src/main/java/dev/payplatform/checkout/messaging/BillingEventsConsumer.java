package dev.payplatform.checkout.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.checkout.service.IntentService;
import dev.payplatform.checkout.service.IntentService.OffSessionCharge;
import dev.payplatform.checkout.service.RefundService;
import dev.payplatform.checkout.service.RefundService.RefundRequest;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import dev.payplatform.commons.messaging.MalformedEventException;
import dev.payplatform.commons.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What checkout does for billing-service (docs/events/README.md, billing.events): {@code
 * refund.created} → refund through the processor; {@code invoice.charge_requested} → charge the
 * saved card off-session. Every other type is ignored. Each event takes effect once (inbox, in the
 * same transaction as the effect). An event we cannot act on goes to the dead-letter topic; a
 * failure of our own handling is retried by the consumer mechanism, never silently lost.
 */
@ApplicationScoped
public class BillingEventsConsumer {
  static final String CONSUMER = "checkout-service.billing-events";
  static final String REFUND_CREATED = "refund.created";
  static final String CHARGE_REQUESTED = "invoice.charge_requested";

  private final EventConsumer consumer;
  private final EventHandlers handlers;

  public BillingEventsConsumer(
      EventConsumer consumer, RefundService refunds, IntentService intents) {
    this.consumer = consumer;
    this.handlers =
        consumer.register(
            EventHandlers.consumer(CONSUMER)
                .on(
                    REFUND_CREATED,
                    JsonNode.class,
                    (event, data) -> refunds.refund(refundRequest(event)).replaceWithVoid())
                .on(
                    CHARGE_REQUESTED,
                    JsonNode.class,
                    (event, data) ->
                        intents.chargeOffSession(chargeRequest(event)).replaceWithVoid())
                .build());
  }

  @Incoming("billing-events")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return consumer.consume(handlers, record);
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
        optionalText(d, "description"),
        optionalText(d, "gateway_account_id"));
  }

  private static String merchant(IncomingEvent e) {
    if (e.merchantId() == null || e.merchantId().isBlank()) {
      throw new MalformedEventException("no ce_merchantid");
    }
    return e.merchantId();
  }

  private static boolean livemode(IncomingEvent e) {
    if (e.livemode() == null) {
      throw new MalformedEventException("no ce_livemode");
    }
    return e.livemode();
  }

  private static String text(JsonNode d, String field, String idPrefix) {
    JsonNode v = d.path(field);
    if (!v.isTextual() || !v.asText().startsWith(idPrefix + "_")) {
      throw new MalformedEventException(field + " is missing or not a " + idPrefix + "_ id");
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
      throw new MalformedEventException("currency is missing or unknown");
    }
  }

  private static long amount(JsonNode d, String currency) {
    JsonNode v = d.path("amount");
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new MalformedEventException("amount is not an integer of minor units");
    }
    try {
      return Money.ofMinorUnits(v.asLong(), java.util.Currency.getInstance(currency), "amount")
          .minorUnits();
    } catch (RuntimeException invalid) {
      throw new MalformedEventException("amount is out of range");
    }
  }
}
