package dev.payplatform.billing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.billing.service.payments.ReadModels;
import dev.payplatform.billing.service.refunds.LateSuccessRefunds;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import dev.payplatform.commons.messaging.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every payment.* event updates billing's refund read model of that payment, and every
 * charge.dispute.* event its dispute (the refund guard).
 */
@ApplicationScoped
public class PaymentsEventsConsumer {
  static final String CONSUMER = "billing-payments";

  private final EventConsumer consumer;
  private final EventHandlers handlers;
  private final ReadModels readModels;
  private final LateSuccessRefunds lateSuccessRefunds;

  public PaymentsEventsConsumer(
      EventConsumer consumer, ReadModels readModels, LateSuccessRefunds lateSuccessRefunds) {
    this.consumer = consumer;
    this.readModels = readModels;
    this.lateSuccessRefunds = lateSuccessRefunds;
    EventHandlers.Builder table = EventHandlers.consumer(CONSUMER);
    for (String type :
        List.of("payment.created", "payment.succeeded", "payment.failed", "payment.refunded")) {
      table.on(type, JsonNode.class, this::apply);
    }
    // The refund guard (docs/disputes.md): a dispute's every change says whether it is open.
    for (String type :
        List.of("charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed")) {
      table.on(type, JsonNode.class, this::dispute);
    }
    this.handlers = consumer.register(table.build());
  }

  /** A polled batch per transaction (batch=true in application.properties). */
  @Incoming("payments-events")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    return consumer.consumeBatch(handlers, records);
  }

  private Uni<Void> dispute(IncomingEvent event, JsonNode d) {
    return readModels.dispute(
        EventFields.tenant(event),
        new ReadModels.DisputeData(
            EventFields.requiredText(d, "id"),
            EventFields.requiredText(d, "payment_id"),
            EventFields.requiredInteger(d, "amount"),
            EventFields.requiredText(d, "status")));
  }

  private Uni<Void> apply(IncomingEvent event, JsonNode d) {
    long amount = EventFields.requiredInteger(d, "amount");
    if (amount <= 0) {
      throw new MalformedEventException("payment amount must be positive");
    }
    Tenant tenant = EventFields.tenant(event);
    String paymentId = EventFields.requiredText(d, "id");
    Uni<Void> recorded =
        readModels.payment(
            tenant,
            new ReadModels.PaymentData(
                paymentId,
                amount,
                EventFields.currency(d),
                EventFields.text(d, "status"),
                EventFields.integer(d, "refunded_total")),
            EventFields.time(event.time()));
    // A success after the payment was canceled, which the merchant has refunded automatically.
    if ("payment.succeeded".equals(event.type())
        && "refund".equals(EventFields.text(d, "late_success"))) {
      return recorded.chain(() -> lateSuccessRefunds.refund(tenant, paymentId));
    }
    return recorded;
  }
}
