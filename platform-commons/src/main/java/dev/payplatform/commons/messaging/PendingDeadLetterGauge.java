package dev.payplatform.commons.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code platform.consumer.dead.letters.pending} gauge, one per consumer: letters published and
 * not yet replayed (the {@code PayplatformDeadLetters} alert). Apart because three sides move it:
 * {@link DeadLetters} adds a letter, {@link DeadLetterReplay} clears it on a replay and recounts it
 * from the broker. Micrometer holds gauge values weakly: this object keeps them.
 */
@ApplicationScoped
class PendingDeadLetterGauge {
  private final MeterRegistry metrics;
  private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

  PendingDeadLetterGauge(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  /** Registers the consumer's gauge; called once per consumer. */
  void track(String consumer) {
    pending.put(
        consumer,
        metrics.gauge(
            "platform.consumer.dead.letters.pending",
            List.of(Tag.of("consumer", consumer)),
            new AtomicLong()));
  }

  /** One more letter of the consumer; nothing if the consumer is not tracked. */
  void added(String consumer) {
    AtomicLong gauge = pending.get(consumer);
    if (gauge != null) {
      gauge.incrementAndGet();
    }
  }

  /** The consumer's letters were all replayed; nothing if the consumer is not tracked. */
  void replayed(String consumer) {
    AtomicLong gauge = pending.get(consumer);
    if (gauge != null) {
      gauge.set(0);
    }
  }

  /** The count read from the broker; the consumer must be tracked. */
  void recounted(String consumer, long count) {
    pending.get(consumer).set(count);
  }
}
