package dev.payplatform.commons.it;

import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import dev.payplatform.commons.messaging.EventPayload;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies a countable effect per event through the consumer mechanism. The payload says how the
 * handler misbehaves, so tests can drive retries and dead letters: {@code fail} = {@code "twice"}
 * fails the first two attempts, {@code "always"} every attempt, {@code "until-fixed"} while {@link
 * #broken} is set. Each failure comes after the effect was written, so a retry that doubled it
 * would show.
 */
@ApplicationScoped
public class CountingConsumer {
  static final String CONSUMER = "it-counter";
  static volatile boolean broken = true;
  private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

  /** The payload: {@code n} is required. */
  public record Thing(Integer n, String fail) implements EventPayload {
    @Override
    public String problem() {
      return n == null ? "n is missing" : null;
    }
  }

  private final EventConsumer consumer;
  private final EventHandlers handlers;

  public CountingConsumer(EventConsumer consumer) {
    this.consumer = consumer;
    this.handlers =
        consumer.register(
            EventHandlers.consumer(CONSUMER)
                .on("thing.happened", Thing.class, this::count)
                .build());
  }

  @Incoming("it-in")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return consumer.consume(handlers, record);
  }

  static int attempts(String eventId) {
    AtomicInteger n = ATTEMPTS.get(eventId);
    return n == null ? 0 : n.get();
  }

  private Uni<Void> count(IncomingEvent event, Thing thing) {
    int attempt = ATTEMPTS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery("update it_counter set hits = hits + 1 where name = 'effects'")
                    .executeUpdate())
        .invoke(
            () -> {
              boolean fail =
                  switch (thing.fail() == null ? "" : thing.fail()) {
                    case "twice" -> attempt <= 2;
                    case "always" -> true;
                    case "until-fixed" -> broken;
                    default -> false;
                  };
              if (fail) {
                throw new IllegalStateException("handler bug on attempt " + attempt);
              }
            })
        .replaceWithVoid();
  }
}
