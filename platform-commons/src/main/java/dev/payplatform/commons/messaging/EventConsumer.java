package dev.payplatform.commons.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.faults.TransientFailures;
import dev.payplatform.commons.inbox.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one consumer mechanism. A consumer's {@code @Incoming} method hands each record (or polled
 * batch) and its {@link EventHandlers table} here, and this does the rest:
 *
 * <ul>
 *   <li>reads the CloudEvent and maps its data onto the handler's payload record (tolerant);
 *   <li>claims the event id in the inbox and runs the handler in one transaction, so a redelivery
 *       does nothing;
 *   <li>retries a <em>transient</em> failure (database or broker away, pool full, deadlock) in
 *       place, with exponential backoff and without limit: the record is not acknowledged, so its
 *       offset is not committed and later records of the partition wait behind it. The channel
 *       pauses while the database is away and resumes by itself;
 *   <li>retries any other failure up to {@code platform.consumer.max-attempts} times, then sends
 *       the record to the consumer's dead-letter topic and goes on;
 *   <li>dead-letters at once a record that can never be applied (not a CloudEvent, data that does
 *       not map, a payload with a {@link EventPayload#problem() problem}, a handler's {@link
 *       MalformedEventException}).
 * </ul>
 *
 * <p>Nothing ever fails the Reactive Messaging channel, so a channel never stops for good. See
 * docs/decisions/0006-consumer-failures-and-dead-letters.md.
 */
@ApplicationScoped
public class EventConsumer {
  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  private final ObjectMapper json;
  private final Inbox inbox;
  private final DeadLetters deadLetters;
  private final MeterRegistry metrics;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Map<String, AtomicInteger> retrying = new ConcurrentHashMap<>();

  public EventConsumer(
      ObjectMapper json,
      Inbox inbox,
      DeadLetters deadLetters,
      MeterRegistry metrics,
      @ConfigProperty(name = "platform.consumer.max-attempts", defaultValue = "5") int maxAttempts,
      @ConfigProperty(name = "platform.consumer.backoff.initial", defaultValue = "200ms")
          Duration initialBackoff,
      @ConfigProperty(name = "platform.consumer.backoff.max", defaultValue = "5s")
          Duration maxBackoff) {
    this.json = json;
    this.inbox = inbox;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  /** Makes a consumer known (its dead letters listed and replayable); returns the table. */
  public EventHandlers register(EventHandlers table) {
    deadLetters.register(table);
    retrying.computeIfAbsent(
        table.consumer(),
        c ->
            metrics.gauge(
                "platform.consumer.retrying",
                List.of(tag(c)),
                new AtomicInteger(),
                AtomicInteger::get));
    return table;
  }

  /** One record: completes when it was applied, skipped or dead-lettered; never fails. */
  public Uni<Void> consume(EventHandlers table, ConsumerRecord<String, String> record) {
    Context context = Vertx.currentContext();
    return Uni.createFrom().deferred(() -> attempt(table, record, context, 1, 0));
  }

  /**
   * A polled batch in one transaction (one commit for many events is what lets a read model keep up
   * with a burst); each event is still claimed on its own. A transient failure retries the batch;
   * any other failure replays it record by record, so only the bad record is retried and
   * dead-lettered.
   */
  public Uni<Void> consumeBatch(EventHandlers table, ConsumerRecords<String, String> records) {
    Context context = Vertx.currentContext();
    List<ConsumerRecord<String, String>> list = new ArrayList<>();
    records.forEach(list::add);
    return Uni.createFrom().deferred(() -> batchAttempt(table, list, context, 0));
  }

  // ---------------------------------------------------------------- one record

  private Uni<Void> attempt(
      EventHandlers table,
      ConsumerRecord<String, String> record,
      Context context,
      int attempt,
      int transientRetries) {
    Prepared prepared;
    try {
      prepared = prepare(table, record);
    } catch (MalformedEventException malformed) {
      return deadLetter(table, record, malformed, attempt, context, 0);
    }
    if (prepared == null) {
      return Uni.createFrom().voidItem();
    }
    return Panache.withTransaction(() -> apply(table, prepared))
        .onItemOrFailure()
        .transformToUni(
            (ok, failure) -> {
              if (failure == null) {
                settled(table, transientRetries + attempt - 1);
                return Uni.createFrom().voidItem();
              }
              return retryOrDeadLetter(table, record, context, attempt, transientRetries, failure);
            });
  }

  private Uni<Void> retryOrDeadLetter(
      EventHandlers table,
      ConsumerRecord<String, String> record,
      Context context,
      int attempt,
      int transientRetries,
      Throwable failure) {
    if (isMalformed(failure)) {
      settled(table, transientRetries + attempt - 1);
      return deadLetter(table, record, failure, attempt, context, 0);
    }
    if (TransientFailures.isTransient(failure)) {
      retryStarted(table, transientRetries + attempt - 1);
      count(table, "transient");
      logRetry(table, record, failure, transientRetries + 1, "transient");
      return after(backoff(transientRetries), context)
          .chain(() -> attempt(table, record, context, attempt, transientRetries + 1));
    }
    if (attempt >= maxAttempts) {
      settled(table, transientRetries + attempt - 1);
      return deadLetter(table, record, failure, attempt, context, 0);
    }
    retryStarted(table, transientRetries + attempt - 1);
    count(table, "error");
    logRetry(table, record, failure, attempt, "failed");
    return after(backoff(attempt - 1), context)
        .chain(() -> attempt(table, record, context, attempt + 1, transientRetries));
  }

  // ---------------------------------------------------------------- a batch

  private Uni<Void> batchAttempt(
      EventHandlers table,
      List<ConsumerRecord<String, String>> records,
      Context context,
      int transientRetries) {
    List<Prepared> ready = new ArrayList<>();
    List<ConsumerRecord<String, String>> malformed = new ArrayList<>();
    List<MalformedEventException> reasons = new ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      try {
        Prepared p = prepare(table, r);
        if (p != null) {
          ready.add(p);
        }
      } catch (MalformedEventException e) {
        malformed.add(r);
        reasons.add(e);
      }
    }
    Uni<Void> applied =
        ready.isEmpty()
            ? Uni.createFrom().voidItem()
            : Panache.withTransaction(
                () ->
                    Multi.createFrom()
                        .iterable(ready)
                        .onItem()
                        .transformToUniAndConcatenate(p -> apply(table, p))
                        .collect()
                        .last()
                        .replaceWithVoid());
    return applied
        .chain(
            () ->
                Multi.createFrom()
                    .range(0, malformed.size())
                    .onItem()
                    .transformToUniAndConcatenate(
                        i -> deadLetter(table, malformed.get(i), reasons.get(i), 1, context, 0))
                    .collect()
                    .last()
                    .replaceWithVoid())
        .invoke(() -> settled(table, transientRetries))
        .onFailure()
        .recoverWithUni(
            failure -> {
              if (TransientFailures.isTransient(failure) && !isMalformed(failure)) {
                retryStarted(table, transientRetries);
                count(table, "transient");
                logRetry(table, records.get(0), failure, transientRetries + 1, "transient (batch)");
                return after(backoff(transientRetries), context)
                    .chain(() -> batchAttempt(table, records, context, transientRetries + 1));
              }
              settled(table, transientRetries);
              LOG.warnf(
                  "%s: a batch of %d failed (%s); applying its records one by one",
                  table.consumer(), records.size(), failure.toString());
              return Multi.createFrom()
                  .iterable(records)
                  .onItem()
                  .transformToUniAndConcatenate(r -> attempt(table, r, context, 1, 0))
                  .collect()
                  .last()
                  .replaceWithVoid();
            });
  }

  // ---------------------------------------------------------------- parts

  /** The event, its route and payload; null for a type this consumer does not handle. */
  private record Prepared(IncomingEvent event, EventHandlers.Route<?> route, Object payload) {}

  private Prepared prepare(EventHandlers table, ConsumerRecord<String, String> record) {
    IncomingEvent event;
    try {
      event = IncomingEvent.from(record, json);
    } catch (IllegalArgumentException unreadable) {
      throw new MalformedEventException(unreadable.getMessage(), unreadable);
    }
    EventHandlers.Route<?> route = table.route(event.type());
    if (route == null) {
      return null;
    }
    JsonNode data = event.data();
    if (data == null || !data.isObject()) {
      throw new MalformedEventException(event.type() + " " + event.id() + " has no object data");
    }
    Object payload;
    if (route.payloadType() == JsonNode.class) {
      payload = data;
    } else {
      try {
        payload = json.treeToValue(data, route.payloadType());
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new MalformedEventException(
            event.type() + " " + event.id() + " does not map: " + e.getMessage(), e);
      }
    }
    if (payload == null) {
      throw new MalformedEventException(event.type() + " " + event.id() + " has no data");
    }
    if (payload instanceof EventPayload p && p.problem() != null) {
      throw new MalformedEventException(event.type() + " " + event.id() + ": " + p.problem());
    }
    return new Prepared(event, route, payload);
  }

  @SuppressWarnings("unchecked")
  private Uni<Void> apply(EventHandlers table, Prepared p) {
    EventHandlers.Handler<Object> handler = (EventHandlers.Handler<Object>) p.route().handler();
    return inbox
        .claim(table.consumer(), p.event().id())
        .chain(
            first -> {
              if (!first) {
                LOG.debugf("%s: %s already handled", table.consumer(), p.event().id());
                return Uni.createFrom().voidItem();
              }
              return handler.handle(p.event(), p.payload());
            });
  }

  /** Publishes to the dead-letter topic; a broker that is away is waited for (transient). */
  private Uni<Void> deadLetter(
      EventHandlers table,
      ConsumerRecord<String, String> record,
      Throwable reason,
      int attempts,
      Context context,
      int publishRetries) {
    return deadLetters
        .publish(table, record, reason, attempts)
        .emitOn(runnable -> onContext(context, runnable))
        .invoke(
            () -> {
              metrics
                  .counter("platform.consumer.dead.letters", List.of(tag(table.consumer())))
                  .increment();
              LOG.errorf(
                  "%s: %s/%d@%d sent to %s after %d attempt(s): %s",
                  table.consumer(),
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  deadLetters.topicOf(table),
                  attempts,
                  reason.toString());
            })
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.warnf(
                  "%s: could not publish a dead letter yet (%s); retrying",
                  table.consumer(), failure.toString());
              return after(backoff(publishRetries), context)
                  .chain(
                      () ->
                          deadLetter(table, record, reason, attempts, context, publishRetries + 1));
            });
  }

  private static boolean isMalformed(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MalformedEventException) {
        return true;
      }
    }
    return false;
  }

  Duration backoff(int retries) {
    long millis = initialBackoff.toMillis() << Math.min(retries, 16);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  private static Uni<Void> after(Duration delay, Context context) {
    if (context == null) {
      return Uni.createFrom().voidItem().onItem().delayIt().by(delay);
    }
    return Uni.createFrom()
        .emitter(
            emitter ->
                context
                    .owner()
                    .setTimer(
                        Math.max(1, delay.toMillis()),
                        id -> context.runOnContext(v -> emitter.complete(null))));
  }

  private static void onContext(Context context, Runnable runnable) {
    if (context == null) {
      runnable.run();
    } else {
      context.runOnContext(v -> runnable.run());
    }
  }

  private void retryStarted(EventHandlers table, int retriesSoFar) {
    if (retriesSoFar == 0) {
      gauge(table).incrementAndGet();
    }
  }

  private void settled(EventHandlers table, int retriesSoFar) {
    if (retriesSoFar > 0) {
      gauge(table).decrementAndGet();
    }
  }

  private AtomicInteger gauge(EventHandlers table) {
    register(table);
    return retrying.get(table.consumer());
  }

  private void count(EventHandlers table, String kind) {
    metrics
        .counter("platform.consumer.retries", List.of(tag(table.consumer()), tagKind(kind)))
        .increment();
  }

  private static void logRetry(
      EventHandlers table,
      ConsumerRecord<String, String> record,
      Throwable failure,
      int retry,
      String kind) {
    // The first retries and then every tenth: a long database outage must not flood the log.
    if (retry <= 3 || retry % 10 == 0) {
      LOG.warnf(
          "%s: %s/%d@%d %s, retry %d: %s",
          table.consumer(),
          record.topic(),
          record.partition(),
          record.offset(),
          kind,
          retry,
          failure.toString());
    }
  }

  private static io.micrometer.core.instrument.Tag tag(String consumer) {
    return io.micrometer.core.instrument.Tag.of("consumer", consumer);
  }

  private static io.micrometer.core.instrument.Tag tagKind(String kind) {
    return io.micrometer.core.instrument.Tag.of("kind", kind);
  }
}
