package dev.payplatform.checkout.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.checkout.service.confirmation.OffSessionCharges;
import dev.payplatform.checkout.service.confirmation.OffSessionCharges.OffSessionCharge;
import dev.payplatform.checkout.service.refunds.RefundExecution;
import dev.payplatform.checkout.service.refunds.RefundExecution.RefundRequest;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
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
      EventConsumer consumer, RefundExecution refunds, OffSessionCharges charges) {
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
                    (event, data) -> charges.charge(chargeRequest(event)).replaceWithVoid())
                .build());
  }

  @Incoming("billing-events")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return consumer.consume(handlers, record);
  }

  private RefundRequest refundRequest(IncomingEvent e) {
    JsonNode d = e.data();
    String currency = EventData.currency(d);
    return new RefundRequest(
        EventData.merchant(e),
        EventData.livemode(e),
        EventData.text(d, "refund_id", "re"),
        EventData.text(d, "payment_id", Ids.PAYMENT),
        EventData.amount(d, currency),
        currency);
  }

  private OffSessionCharge chargeRequest(IncomingEvent e) {
    JsonNode d = e.data();
    String currency = EventData.currency(d);
    return new OffSessionCharge(
        EventData.merchant(e),
        EventData.livemode(e),
        EventData.text(d, "invoice_id", "in"),
        EventData.optionalText(d, "subscription_id"),
        EventData.optionalText(d, "customer_id"),
        EventData.text(d, "payment_id", Ids.PAYMENT),
        EventData.text(d, "payment_method_id", "pm"),
        EventData.amount(d, currency),
        currency,
        EventData.optionalText(d, "description"),
        EventData.optionalText(d, "gateway_account_id"));
  }
}
