package dev.payplatform.payments.messaging;

import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import dev.payplatform.commons.messaging.MalformedEventException;
import dev.payplatform.payments.service.fees.MerchantProfiles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** merchants.events → each merchant's fee plan, currencies and statement descriptor. */
@ApplicationScoped
public class MerchantEventsConsumer {
  static final String CONSUMER = "payments-service.merchants-events";

  private final EventConsumer consumer;
  private final EventHandlers handlers;

  public MerchantEventsConsumer(EventConsumer consumer, MerchantProfiles profiles) {
    this.consumer = consumer;
    EventHandlers.Handler<MerchantChanged> apply =
        (event, merchant) -> profiles.apply(merchant, updatedAt(merchant));
    this.handlers =
        consumer.register(
            EventHandlers.consumer(CONSUMER)
                .on("merchant.created", MerchantChanged.class, apply)
                .on("merchant.updated", MerchantChanged.class, apply)
                .build());
  }

  @Incoming("merchants-events")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return consumer.consume(handlers, record);
  }

  private static Instant updatedAt(MerchantChanged merchant) {
    try {
      return Instant.parse(merchant.updatedAt());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new MalformedEventException("updated_at is not an ISO-8601 instant");
    }
  }
}
