package dev.payplatform.commons.messaging;

import dev.payplatform.commons.events.IncomingEvent;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One consumer, as a table: event type → payload class → handler. {@link EventConsumer} does
 * everything around the handler (parsing, mapping, inbox claim, transaction, retries, dead
 * letters), so a consumer is only this table. Types that are not in it are skipped, unless the
 * table has a handler for {@link Builder#onAnyOther any other type} (a log of every event).
 *
 * <p>The consumer's id is the inbox key of the events it handled and names its dead-letter topic
 * ({@code <consumer>.dlq}).
 */
public final class EventHandlers {

  /** What a consumer does with one event of a type it handles, in the inbox's transaction. */
  @FunctionalInterface
  public interface Handler<T> {
    Uni<Void> handle(IncomingEvent event, T payload);
  }

  /** One row of the table. */
  record Route<T>(Class<T> payloadType, Handler<T> handler) {}

  private final String consumer;
  private final Map<String, Route<?>> routes;
  private final Route<?> anyOther;

  private EventHandlers(String consumer, Map<String, Route<?>> routes, Route<?> anyOther) {
    this.consumer = consumer;
    this.routes = Map.copyOf(routes);
    this.anyOther = anyOther;
  }

  public static Builder consumer(String consumer) {
    return new Builder(consumer);
  }

  public String consumer() {
    return consumer;
  }

  Route<?> route(String type) {
    Route<?> route = routes.get(type);
    return route == null ? anyOther : route;
  }

  /** Builds a table. */
  public static final class Builder {
    private final String consumer;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();
    private Route<?> anyOther;

    private Builder(String consumer) {
      this.consumer = Objects.requireNonNull(consumer);
    }

    /**
     * Handles {@code type} with {@code handler}, its data mapped onto {@code payloadType} (a
     * record, or {@code JsonNode} for the data as it came).
     */
    public <T> Builder on(String type, Class<T> payloadType, Handler<T> handler) {
      if (routes.put(type, new Route<>(payloadType, handler)) != null) {
        throw new IllegalArgumentException(consumer + " handles " + type + " twice");
      }
      return this;
    }

    /** Handles every type the table does not name with {@code handler}. */
    public <T> Builder onAnyOther(Class<T> payloadType, Handler<T> handler) {
      if (anyOther != null) {
        throw new IllegalArgumentException(consumer + " has two handlers for any other type");
      }
      anyOther = new Route<>(payloadType, handler);
      return this;
    }

    public EventHandlers build() {
      return new EventHandlers(consumer, routes, anyOther);
    }
  }
}
