package dev.payplatform.commons.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.config.EventConsumerConfig;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.faults.TransientFailures;
import dev.payplatform.commons.inbox.Inbox;
import dev.payplatform.commons.tracing.TraceParents;
import dev.payplatform.commons.web.LogContext;
import dev.payplatform.commons.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The one consumer mechanism. A consumer's {@code @Incoming} method hands each record (or polled
 * batch) and its {@link EventHandlers table} here, and this does the rest:
 *
 * <ul>
 *   <li>passes over a type the table has no route for, from its {@code ce_type} header alone;
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
  private final Tracer tracer;

  public EventConsumer(
      ObjectMapper json,
      Inbox inbox,
      DeadLetters deadLetters,
      MeterRegistry metrics,
      EventConsumerConfig config,
      OpenTelemetry telemetry) {
    this.json = json;
    this.inbox = inbox;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.maxAttempts = Math.max(1, config.maxAttempts());
    this.initialBackoff = config.backoff().initial();
    this.maxBackoff = config.backoff().max();
    this.tracer = telemetry.getTracer("dev.payplatform.consumer");
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
    return consumeOn(table, record, Vertx.currentContext());
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
    return Uni.createFrom().emitter(done -> new BatchRun(table, list, context, done).attempt());
  }

  private Uni<Void> consumeOn(
      EventHandlers table, ConsumerRecord<String, String> record, Context context) {
    return Uni.createFrom().emitter(done -> new RecordRun(table, record, context, done).attempt());
  }

  /**
   * One record's attempts, driven by callbacks and timers rather than by nesting each retry in the
   * one before: a database away for hours means thousands of retries, and nested they would grow
   * the stack and the heap with every one.
   */
  private final class RecordRun {
    private final EventHandlers table;
    private final ConsumerRecord<String, String> record;
    private final Context context;
    private final UniEmitter<? super Void> done;
    private final Waiting waiting;
    private int attempt = 1;
    private int transientRetries;
    private int publishRetries;

    RecordRun(
        EventHandlers table,
        ConsumerRecord<String, String> record,
        Context context,
        UniEmitter<? super Void> done) {
      this.table = table;
      this.record = record;
      this.context = context;
      this.done = done;
      this.waiting = new Waiting(gauge(table));
    }

    void attempt() {
      Prepared prepared;
      try {
        prepared = prepare(table, record);
      } catch (RuntimeException unreadable) {
        deadLetter(unreadable);
        return;
      }
      if (prepared == null) {
        finish();
        return;
      }
      Panache.withTransaction(() -> apply(table, prepared))
          .subscribe()
          .with(ok -> finish(), this::failed);
    }

    private void failed(Throwable failure) {
      if (isMalformed(failure)) {
        deadLetter(failure);
      } else if (TransientFailures.isTransient(failure)) {
        waiting.start();
        count(table, "transient");
        transientRetries++;
        logRetry(table, record, failure, transientRetries, "transient");
        later(backoff(transientRetries - 1), context, this::attempt);
      } else if (attempt >= maxAttempts) {
        deadLetter(failure);
      } else {
        waiting.start();
        count(table, "error");
        logRetry(table, record, failure, attempt, "failed");
        attempt++;
        later(backoff(attempt - 2), context, this::attempt);
      }
    }

    /** Publishes to the dead-letter topic; a broker that is away is waited for. */
    private void deadLetter(Throwable reason) {
      deadLetters
          .publish(table, record, reason, attempt)
          .emitOn(runnable -> onContext(context, runnable))
          .subscribe()
          .with(
              ok -> {
                deadLettered(table, record, reason, attempt);
                finish();
              },
              failure -> {
                waiting.start();
                publishRetries++;
                LOG.warnf(
                    "%s: could not publish a dead letter yet (%s); retrying",
                    table.consumer(), failure.toString());
                later(backoff(publishRetries - 1), context, () -> deadLetter(reason));
              });
    }

    private void finish() {
      waiting.stop();
      done.complete(null);
    }
  }

  /** A batch's attempts, as {@link RecordRun}; any failure but a transient one goes one by one. */
  private final class BatchRun {
    private final EventHandlers table;
    private final List<ConsumerRecord<String, String>> records;
    private final Context context;
    private final UniEmitter<? super Void> done;
    private final Waiting waiting;
    private int transientRetries;

    BatchRun(
        EventHandlers table,
        List<ConsumerRecord<String, String>> records,
        Context context,
        UniEmitter<? super Void> done) {
      this.table = table;
      this.records = records;
      this.context = context;
      this.done = done;
      this.waiting = new Waiting(gauge(table));
    }

    void attempt() {
      List<Prepared> ready = new ArrayList<>();
      List<ConsumerRecord<String, String>> unreadable = new ArrayList<>();
      for (ConsumerRecord<String, String> r : records) {
        try {
          Prepared p = prepare(table, r);
          if (p != null) {
            ready.add(p);
          }
        } catch (RuntimeException e) {
          unreadable.add(r);
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
      applied
          .subscribe()
          .with(
              // The unreadable ones were left out of the transaction: dead-letter them now.
              ok -> oneByOne(unreadable),
              failure -> {
                if (TransientFailures.isTransient(failure) && !isMalformed(failure)) {
                  waiting.start();
                  count(table, "transient");
                  transientRetries++;
                  logRetry(table, records.get(0), failure, transientRetries, "transient (batch)");
                  later(backoff(transientRetries - 1), context, this::attempt);
                } else {
                  LOG.warnf(
                      "%s: a batch of %d failed (%s); applying its records one by one",
                      table.consumer(), records.size(), failure.toString());
                  oneByOne(records);
                }
              });
    }

    private void oneByOne(List<ConsumerRecord<String, String>> which) {
      waiting.stop();
      Multi.createFrom()
          .iterable(which)
          .onItem()
          .transformToUniAndConcatenate(r -> consumeOn(table, r, context))
          .collect()
          .last()
          .subscribe()
          .with(ok -> done.complete(null), done::fail);
    }
  }

  /** A run's share of {@code platform.consumer.retrying}: counted once while it waits. */
  private static final class Waiting {
    private final AtomicInteger gauge;
    private boolean on;

    Waiting(AtomicInteger gauge) {
      this.gauge = gauge;
    }

    void start() {
      if (!on) {
        on = true;
        gauge.incrementAndGet();
      }
    }

    void stop() {
      if (on) {
        on = false;
        gauge.decrementAndGet();
      }
    }
  }

  // ---------------------------------------------------------------- parts

  /** The event, its route and payload; null for a type this consumer does not handle. */
  private record Prepared(
      IncomingEvent event,
      EventHandlers.Route<?> route,
      Object payload,
      ConsumerRecord<String, String> record) {}

  private Prepared prepare(EventHandlers table, ConsumerRecord<String, String> record) {
    // Most consumers handle a few of their topics' types: the others are passed over from the
    // ce_type header, before their body is parsed (docs/benchmarks.md, CPU per payment).
    String type = IncomingEvent.typeOf(record);
    if (type != null && table.route(type) == null) {
      return null;
    }
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
    return new Prepared(event, route, payload, record);
  }

  /**
   * Claims and handles one event inside the caller's transaction, as a span of the trace its record
   * carries (the relay's publish span is its parent) and with the event's request id, merchant and
   * mode in the MDC, so the handler's log lines read as the request's did.
   */
  private Uni<Void> apply(EventHandlers table, Prepared p) {
    return Uni.createFrom()
        .deferred(
            () -> {
              IncomingEvent event = p.event();
              Span span =
                  tracer
                      .spanBuilder(table.consumer() + " process")
                      .setParent(TraceParents.parent(traceparentOf(p.record())))
                      .setSpanKind(SpanKind.CONSUMER)
                      .setAttribute("messaging.system", "kafka")
                      .setAttribute("messaging.destination.name", p.record().topic())
                      .setAttribute("messaging.consumer.group.name", table.consumer())
                      .setAttribute("messaging.message.id", event.id())
                      .setAttribute("cloudevents.event_type", event.type())
                      .startSpan();
              Scope scope = span.makeCurrent();
              logContext(event);
              Uni<Void> handled;
              try {
                handled = claimAndHandle(table, p);
              } catch (RuntimeException e) {
                handled = Uni.createFrom().failure(e);
              }
              return handled
                  .onTermination()
                  .invoke(
                      (ok, failure, cancelled) -> {
                        if (failure != null) {
                          span.recordException(failure);
                          span.setStatus(StatusCode.ERROR, failure.toString());
                        }
                        span.end();
                        scope.close();
                      });
            });
  }

  private static void logContext(IncomingEvent event) {
    if (event.requestId() != null) {
      MDC.put(RequestIds.MDC_KEY, event.requestId());
    } else {
      MDC.remove(RequestIds.MDC_KEY);
    }
    LogContext.merchant(
        event.merchantId(), event.livemode() == null ? null : event.livemode() ? "live" : "test");
  }

  private static String traceparentOf(ConsumerRecord<String, String> record) {
    Header h = record.headers().lastHeader(TraceParents.HEADER);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private Uni<Void> claimAndHandle(EventHandlers table, Prepared p) {
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

  private void deadLettered(
      EventHandlers table, ConsumerRecord<String, String> record, Throwable reason, int attempts) {
    metrics.counter("platform.consumer.dead.letters", List.of(tag(table.consumer()))).increment();
    LOG.errorf(
        "%s: %s/%d@%d sent to %s after %d attempt(s): %s",
        table.consumer(),
        record.topic(),
        record.partition(),
        record.offset(),
        deadLetters.topicOf(table),
        attempts,
        reason.toString());
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

  /** Runs {@code next} after {@code delay}, on the record's own Vert.x context. */
  private void later(Duration delay, Context context, Runnable next) {
    if (context == null) {
      Infrastructure.getDefaultWorkerPool()
          .schedule(next, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
      return;
    }
    context.owner().setTimer(Math.max(1, delay.toMillis()), id -> onContext(context, next));
  }

  private static void onContext(Context context, Runnable runnable) {
    if (context == null) {
      runnable.run();
    } else {
      context.runOnContext(v -> runnable.run());
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
