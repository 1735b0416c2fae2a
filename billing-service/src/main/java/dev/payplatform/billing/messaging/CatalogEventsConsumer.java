package dev.payplatform.billing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.billing.service.ReadModels;
import dev.payplatform.billing.service.Tenant;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** customer.created and plan.created from catalog.events become billing's read models. */
@ApplicationScoped
public class CatalogEventsConsumer {
  static final String CONSUMER = "billing-catalog";

  private final Inbox inbox;
  private final ObjectMapper json;
  private final ReadModels readModels;

  public CatalogEventsConsumer(Inbox inbox, ObjectMapper json, ReadModels readModels) {
    this.inbox = inbox;
    this.json = json;
    this.readModels = readModels;
  }

  /** A polled batch per transaction (batch=true in application.properties). */
  @Incoming("catalog-events")
  @WithTransaction
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    return InboxConsumer.handleBatch(CONSUMER, records, json, inbox, this::apply);
  }

  private Uni<Void> apply(IncomingEvent event) {
    JsonNode d = event.data();
    return switch (event.type()) {
      case "customer.created" ->
          readModels.customer(
              tenant(event),
              new ReadModels.CustomerData(
                  EventFields.requiredText(d, "id"),
                  EventFields.text(d, "email"),
                  EventFields.text(d, "name")),
              EventFields.time(event.time()));
      case "plan.created" -> {
        String interval = EventFields.requiredText(d, "interval");
        long count =
            EventFields.integer(d, "interval_count") == null
                ? 1
                : EventFields.integer(d, "interval_count");
        long amount = EventFields.requiredInteger(d, "amount");
        if (!interval.matches("day|week|month|year") || count < 1 || count > 12 || amount <= 0) {
          throw new MalformedEventException("plan with an unusable price or interval");
        }
        yield readModels.plan(
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
      default -> Uni.createFrom().voidItem();
    };
  }

  // The envelope names the tenant; the object's own livemode stands in if the header is absent.
  private static Tenant tenant(IncomingEvent event) {
    if (event.merchantId() != null && event.livemode() == null && event.data().has("livemode")) {
      return new Tenant(event.merchantId(), event.data().get("livemode").asBoolean());
    }
    return EventFields.tenant(event);
  }
}
