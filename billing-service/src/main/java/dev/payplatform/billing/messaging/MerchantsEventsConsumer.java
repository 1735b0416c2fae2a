package dev.payplatform.billing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.billing.service.payments.ReadModels;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * merchant.created / merchant.updated: the display name billing's hosted pages show, and the
 * gateway account their live charges go through.
 */
@ApplicationScoped
public class MerchantsEventsConsumer {
  static final String CONSUMER = "billing-merchants";

  private final EventConsumer consumer;
  private final EventHandlers handlers;
  private final ReadModels readModels;

  public MerchantsEventsConsumer(EventConsumer consumer, ReadModels readModels) {
    this.consumer = consumer;
    this.readModels = readModels;
    this.handlers =
        consumer.register(
            EventHandlers.consumer(CONSUMER)
                .on("merchant.created", JsonNode.class, this::apply)
                .on("merchant.updated", JsonNode.class, this::apply)
                .build());
  }

  /** A polled batch per transaction (batch=true in application.properties). */
  @Incoming("merchants-events")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    return consumer.consumeBatch(handlers, records);
  }

  private Uni<Void> apply(IncomingEvent event, JsonNode d) {
    return readModels.merchant(
        EventFields.requiredText(d, "id"),
        EventFields.text(d, "name"),
        EventFields.text(d, "gateway_account_id"),
        EventFields.time(EventFields.text(d, "updated_at")),
        EventFields.time(event.time()));
  }
}
