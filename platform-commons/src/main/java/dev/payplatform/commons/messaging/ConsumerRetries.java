package dev.payplatform.commons.messaging;

import dev.payplatform.commons.config.EventConsumerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * How {@link EventConsumer} paces and reports its retries: the exponential backoff, timers on the
 * record's own Vert.x context, the {@code platform.consumer.retrying}, {@code .retries} and {@code
 * .dead.letters} meters, and log lines that a long outage does not turn into a flood.
 */
@ApplicationScoped
class ConsumerRetries {
  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  private final MeterRegistry metrics;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Map<String, AtomicInteger> retrying = new ConcurrentHashMap<>();

  ConsumerRetries(MeterRegistry metrics, EventConsumerConfig config) {
    this.metrics = metrics;
    this.maxAttempts = Math.max(1, config.maxAttempts());
    this.initialBackoff = config.backoff().initial();
    this.maxBackoff = config.backoff().max();
  }

  /** How many attempts a failure that is neither transient nor malformed gets. */
  int maxAttempts() {
    return maxAttempts;
  }

  /** Registers the consumer's {@code platform.consumer.retrying} gauge, once. */
  void register(String consumer) {
    gauge(consumer);
  }

  /** A new run's share of the consumer's {@code platform.consumer.retrying}. */
  Waiting waiting(EventHandlers table) {
    return new Waiting(gauge(table.consumer()));
  }

  Duration backoff(int retries) {
    long millis = initialBackoff.toMillis() << Math.min(retries, 16);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  /** Runs {@code next} after {@code delay}, on the record's own Vert.x context. */
  void later(Duration delay, Context context, Runnable next) {
    if (context == null) {
      Infrastructure.getDefaultWorkerPool()
          .schedule(next, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
      return;
    }
    context.owner().setTimer(Math.max(1, delay.toMillis()), id -> onContext(context, next));
  }

  static void onContext(Context context, Runnable runnable) {
    if (context == null) {
      runnable.run();
    } else {
      context.runOnContext(v -> runnable.run());
    }
  }

  /** Counts and logs one retry of {@code kind} ("transient", "error"). */
  void retried(
      EventHandlers table,
      ConsumerRecord<String, String> record,
      Throwable failure,
      int retry,
      String kind,
      String logged) {
    metrics
        .counter("platform.consumer.retries", List.of(tag(table.consumer()), Tag.of("kind", kind)))
        .increment();
    // The first retries and then every tenth: a long database outage must not flood the log.
    if (retry <= 3 || retry % 10 == 0) {
      LOG.warnf(
          "%s: %s/%d@%d %s, retry %d: %s",
          table.consumer(),
          record.topic(),
          record.partition(),
          record.offset(),
          logged,
          retry,
          failure.toString());
    }
  }

  void deadLettered(
      EventHandlers table,
      ConsumerRecord<String, String> record,
      String deadLetterTopic,
      Throwable reason,
      int attempts) {
    metrics.counter("platform.consumer.dead.letters", List.of(tag(table.consumer()))).increment();
    LOG.errorf(
        "%s: %s/%d@%d sent to %s after %d attempt(s): %s",
        table.consumer(),
        record.topic(),
        record.partition(),
        record.offset(),
        deadLetterTopic,
        attempts,
        reason.toString());
  }

  private AtomicInteger gauge(String consumer) {
    return retrying.computeIfAbsent(
        consumer,
        c ->
            metrics.gauge(
                "platform.consumer.retrying",
                List.of(tag(c)),
                new AtomicInteger(),
                AtomicInteger::get));
  }

  private static Tag tag(String consumer) {
    return Tag.of("consumer", consumer);
  }

  /** A run's share of {@code platform.consumer.retrying}: counted once while it waits. */
  static final class Waiting {
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
}
