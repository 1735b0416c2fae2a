package dev.payplatform.checkout.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.checkout.service.catalog.CatalogReadModel;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * catalog.events → checkout: {@code plan.created} and {@code customer.created} become the read
 * model a subscription-mode session is checked against (docs/checkout.md, subscription sessions).
 */
@ApplicationScoped
public class CatalogReadModelConsumer {
  static final String CONSUMER = "checkout-service.catalog-events";

  private final EventConsumer consumer;
  private final EventHandlers handlers;

  public CatalogReadModelConsumer(EventConsumer consumer, CatalogReadModel catalog) {
    this.consumer = consumer;
    this.handlers =
        consumer.register(
            EventHandlers.consumer(CONSUMER)
                .on(
                    "plan.created",
                    JsonNode.class,
                    (event, d) -> {
                      String currency = EventData.currency(d);
                      return catalog.plan(
                          EventData.text(d, "id", "plan"),
                          EventData.merchant(event),
                          livemode(event, d),
                          EventData.amount(d, currency),
                          currency);
                    })
                .on(
                    "customer.created",
                    JsonNode.class,
                    (event, d) ->
                        catalog.customer(
                            EventData.text(d, "id", "cus"),
                            EventData.merchant(event),
                            livemode(event, d)))
                .build());
  }

  @Incoming("catalog-events")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return consumer.consume(handlers, record);
  }

  // The envelope names the mode; the object's own livemode stands in if the header is absent.
  private static boolean livemode(IncomingEvent event, JsonNode d) {
    if (event.livemode() == null && d.path("livemode").isBoolean()) {
      return d.path("livemode").asBoolean();
    }
    return EventData.livemode(event);
  }
}
