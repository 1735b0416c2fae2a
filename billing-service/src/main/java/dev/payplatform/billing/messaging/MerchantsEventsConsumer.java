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

/** merchant.created / merchant.updated: the display name billing's hosted pages show. */
@ApplicationScoped
public class MerchantsEventsConsumer {
  static final String CONSUMER = "billing-merchants";

  private final Inbox inbox;
  private final ObjectMapper json;
  private final ReadModels readModels;

  public MerchantsEventsConsumer(Inbox inbox, ObjectMapper json, ReadModels readModels) {
    this.inbox = inbox;
    this.json = json;
    this.readModels = readModels;
  }

  /** A polled batch per transaction (batch=true in application.properties). */
  @Incoming("merchants-events")
  @WithTransaction
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    return InboxConsumer.handleBatch(CONSUMER, records, json, inbox, this::apply);
  }

  private Uni<Void> apply(IncomingEvent event) {
    if (!event.type().equals("merchant.created") && !event.type().equals("merchant.updated")) {
      return Uni.createFrom().voidItem();
    }
    JsonNode d = event.data();
    return readModels.merchant(
        EventFields.requiredText(d, "id"),
        EventFields.text(d, "name"),
        EventFields.time(EventFields.text(d, "updated_at")),
        EventFields.time(event.time()));
  }
}
