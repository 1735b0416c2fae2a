package dev.payplatform.billing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.billing.service.ReadModels;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every payment.* event updates billing's refund read model of that payment. */
@ApplicationScoped
public class PaymentsEventsConsumer {
  static final String CONSUMER = "billing-payments";

  private final Inbox inbox;
  private final ObjectMapper json;
  private final ReadModels readModels;

  public PaymentsEventsConsumer(Inbox inbox, ObjectMapper json, ReadModels readModels) {
    this.inbox = inbox;
    this.json = json;
    this.readModels = readModels;
  }

  /** A polled batch per transaction (batch=true in application.properties). */
  @Incoming("payments-events")
  @WithTransaction
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    return InboxConsumer.handleBatch(CONSUMER, records, json, inbox, this::apply);
  }

  private Uni<Void> apply(IncomingEvent event) {
    if (!event.type().startsWith("payment.")) {
      return Uni.createFrom().voidItem();
    }
    JsonNode d = event.data();
    long amount = EventFields.requiredInteger(d, "amount");
    if (amount <= 0) {
      throw new MalformedEventException("payment amount must be positive");
    }
    return readModels.payment(
        EventFields.tenant(event),
        new ReadModels.PaymentData(
            EventFields.requiredText(d, "id"),
            amount,
            EventFields.currency(d),
            EventFields.text(d, "status"),
            EventFields.integer(d, "refunded_total")),
        EventFields.time(event.time()));
  }
}
