package dev.payplatform.billing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.billing.service.payments.ReadModels;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import dev.payplatform.commons.messaging.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** customer.created and plan.created from catalog.events become billing's read models. */
@ApplicationScoped
public class CatalogEventsConsumer {
  static final String CONSUMER = "billing-catalog";

  private final EventConsumer consumer;
  private final EventHandlers handlers;
  private final ReadModels readModels;

  public CatalogEventsConsumer(EventConsumer consumer, ReadModels readModels) {
    this.consumer = consumer;
    this.readModels = readModels;
    this.handlers =
        consumer.register(
            EventHandlers.consumer(CONSUMER)
                .on("customer.created", JsonNode.class, this::customer)
                .on("plan.created", JsonNode.class, this::plan)
                .build());
  }

  /** A polled batch per transaction (batch=true in application.properties). */
  @Incoming("catalog-events")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    return consumer.consumeBatch(handlers, records);
  }

  private Uni<Void> customer(IncomingEvent event, JsonNode d) {
    return readModels.customer(
        tenant(event),
        new ReadModels.CustomerData(
            EventFields.requiredText(d, "id"),
            EventFields.text(d, "email"),
            EventFields.text(d, "name")),
        EventFields.time(event.time()));
  }

  private Uni<Void> plan(IncomingEvent event, JsonNode d) {
    String interval = EventFields.requiredText(d, "interval");
    long count =
        EventFields.integer(d, "interval_count") == null
            ? 1
            : EventFields.integer(d, "interval_count");
    long amount = EventFields.requiredInteger(d, "amount");
    if (!interval.matches("day|week|month|year") || count < 1 || count > 12 || amount <= 0) {
      throw new MalformedEventException("plan with an unusable price or interval");
    }
    return readModels.plan(
        tenant(event),
        new ReadModels.PlanData(
            EventFields.requiredText(d, "id"),
            EventFields.text(d, "product_id"),
            amount,
            EventFields.currency(d),
            interval,
            (int) count,
            EventFields.text(d, "nickname")),
        EventFields.time(event.time()));
  }

  // The envelope names the tenant; the object's own livemode stands in if the header is absent.
  private static Tenant tenant(IncomingEvent event) {
    if (event.merchantId() != null && event.livemode() == null && event.data().has("livemode")) {
      return new Tenant(event.merchantId(), event.data().get("livemode").asBoolean());
    }
    return EventFields.tenant(event);
  }
}
