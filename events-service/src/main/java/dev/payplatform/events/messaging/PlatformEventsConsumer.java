package dev.payplatform.events.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import dev.payplatform.commons.messaging.MalformedEventException;
import dev.payplatform.events.service.DeliveryDispatcher;
import dev.payplatform.events.service.EventLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every event of the five topics that belongs to a merchant and a mode goes into that merchant's
 * log, with a delivery for each endpoint that wants it. Events of no mode (a merchant's own {@code
 * merchant.*}) are operators' and are skipped. A polled batch per transaction.
 */
@ApplicationScoped
public class PlatformEventsConsumer {
  static final String CONSUMER = "events-log";

  private final EventConsumer consumer;
  private final EventHandlers handlers;
  private final EventLog log;
  private final DeliveryDispatcher dispatcher;
  // The ids of events whose deliveries were recorded in a batch not yet finished. By event, not by
  // a flag: a batch that finishes first must not take another's wake while that one's deliveries
  // are not committed yet. Each batch removes its own ids whatever happened, so none stay.
  private final Set<String> withDeliveries = ConcurrentHashMap.newKeySet();

  public PlatformEventsConsumer(
      EventConsumer consumer, EventLog log, DeliveryDispatcher dispatcher) {
    this.consumer = consumer;
    this.log = log;
    this.dispatcher = dispatcher;
    this.handlers =
        consumer.register(
            EventHandlers.consumer(CONSUMER).onAnyOther(JsonNode.class, this::keep).build());
  }

  @Incoming("merchants-events")
  public Uni<Void> merchants(ConsumerRecords<String, String> records) {
    return consume(records);
  }

  @Incoming("checkout-events")
  public Uni<Void> checkout(ConsumerRecords<String, String> records) {
    return consume(records);
  }

  @Incoming("payments-events")
  public Uni<Void> payments(ConsumerRecords<String, String> records) {
    return consume(records);
  }

  @Incoming("catalog-events")
  public Uni<Void> catalog(ConsumerRecords<String, String> records) {
    return consume(records);
  }

  @Incoming("billing-events")
  public Uni<Void> billing(ConsumerRecords<String, String> records) {
    return consume(records);
  }

  private Uni<Void> consume(ConsumerRecords<String, String> records) {
    // New deliveries are due now: once they are committed, wake the dispatcher instead of waiting
    // for its next tick. Only a batch that recorded one does: a wake is a claim transaction, and
    // most events go to no endpoint.
    return consumer
        .consumeBatch(handlers, records)
        .invoke(
            () -> {
              boolean delivered = false;
              for (ConsumerRecord<String, String> r : records) {
                String id = IncomingEvent.idOf(r);
                delivered |= id != null && withDeliveries.remove(id);
              }
              if (delivered) {
                dispatcher.wake();
              }
            });
  }

  private Uni<Void> keep(IncomingEvent event, JsonNode data) {
    if (event.merchantId() == null || event.livemode() == null) {
      return Uni.createFrom().voidItem();
    }
    return log.record(
            new EventLog.NewEvent(
                event.id(),
                new Tenant(event.merchantId(), event.livemode()),
                event.type(),
                event.source(),
                event.subject(),
                event.requestId(),
                time(event),
                data),
            EventLog.subscribedTo(event.type()))
        .invoke(
            deliveries -> {
              if (deliveries > 0) {
                withDeliveries.add(event.id());
              }
            })
        .replaceWithVoid();
  }

  private static Instant time(IncomingEvent event) {
    if (event.time() == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(event.time()).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedEventException(event.id() + " has a ce_time that is not RFC 3339", e);
    }
  }
}
