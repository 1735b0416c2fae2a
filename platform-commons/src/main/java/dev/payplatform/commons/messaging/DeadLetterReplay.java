package dev.payplatform.commons.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The operator's side of the dead letters that {@link DeadLetters} writes: reads a consumer's
 * dead-letter topic from the replay group's position ({@code <consumer>.dlq.replay}) to list the
 * letters not yet replayed, replay them and recount them for {@link PendingDeadLetterGauge}. Apart
 * because it is blocking, operator-driven reading with its own Kafka consumer, while writing a
 * letter is on every consumer's failure path.
 */
@ApplicationScoped
public class DeadLetterReplay {
  // Logs as DeadLetters, as before this class was split from it, so log filters keep matching.
  private static final Logger LOG = Logger.getLogger(DeadLetters.class);

  private final Map<String, Object> kafkaConfig;
  private final DeadLetters deadLetters;
  private final PendingDeadLetterGauge gauge;
  private volatile ScheduledExecutorService refresher;

  public DeadLetterReplay(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      DeadLetters deadLetters,
      PendingDeadLetterGauge gauge) {
    this.kafkaConfig = kafkaConfig;
    this.deadLetters = deadLetters;
    this.gauge = gauge;
  }

  /** The letters not yet replayed, of one consumer or (null) of all; blocking. */
  public List<DeadLetters.Letter> pending(String consumer) {
    List<DeadLetters.Letter> letters = new ArrayList<>();
    for (String c : deadLetters.selected(consumer)) {
      try (KafkaConsumer<String, String> reader = reader(c)) {
        read(reader, c, (tp, r) -> letters.add(letter(c, r)));
      }
    }
    return letters;
  }

  /**
   * Re-publishes every pending letter of one consumer or (null) of all to its original topic, then
   * remembers them as replayed; blocking. Returns how many were replayed.
   */
  public int replay(String consumer) {
    int replayed = 0;
    for (String c : deadLetters.selected(consumer)) {
      try (KafkaConsumer<String, String> reader = reader(c)) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        List<ConsumerRecord<String, String>> letters = new ArrayList<>();
        read(
            reader,
            c,
            (tp, r) -> {
              letters.add(r);
              done.put(tp, new OffsetAndMetadata(r.offset() + 1));
            });
        for (ConsumerRecord<String, String> r : letters) {
          String topic = header(r, DeadLetters.TOPIC);
          if (topic == null) {
            LOG.warnf(
                "%s: letter %d@%d names no original topic; left", c, r.partition(), r.offset());
            continue;
          }
          RecordHeaders headers = new RecordHeaders();
          for (Header h : r.headers()) {
            if (!h.key().startsWith("dlq_")) {
              headers.add(h);
            }
          }
          try {
            deadLetters.send(topic, r.key(), r.value(), headers);
          } catch (Exception e) {
            throw new IllegalStateException("replay to " + topic + " failed: " + e, e);
          }
          replayed++;
        }
        if (!done.isEmpty()) {
          reader.commitSync(done);
        }
        gauge.replayed(c);
        LOG.infof("%s: replayed %d dead letter(s)", c, letters.size());
      }
    }
    return replayed;
  }

  private interface Visitor {
    void visit(TopicPartition tp, ConsumerRecord<String, String> record);
  }

  /** Reads the consumer's dead-letter topic from the replay group's position to its end. */
  private void read(KafkaConsumer<String, String> reader, String consumer, Visitor visitor) {
    String topic = deadLetters.topicOf(consumer);
    List<PartitionInfo> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10));
    if (partitions == null || partitions.isEmpty()) {
      return;
    }
    List<TopicPartition> tps =
        partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    reader.assign(tps);
    Map<TopicPartition, OffsetAndMetadata> committed =
        reader.committed(Set.copyOf(tps), Duration.ofSeconds(10));
    Map<TopicPartition, Long> ends = reader.endOffsets(tps, Duration.ofSeconds(10));
    Map<TopicPartition, Long> beginnings = reader.beginningOffsets(tps, Duration.ofSeconds(10));
    Map<TopicPartition, Long> remaining = new HashMap<>();
    for (TopicPartition tp : tps) {
      OffsetAndMetadata c = committed.get(tp);
      long from = Math.max(c == null ? 0 : c.offset(), beginnings.getOrDefault(tp, 0L));
      reader.seek(tp, from);
      if (ends.getOrDefault(tp, 0L) > from) {
        remaining.put(tp, ends.get(tp));
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!remaining.isEmpty() && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(500))) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        Long end = remaining.get(tp);
        if (end == null || r.offset() >= end) {
          continue;
        }
        visitor.visit(tp, r);
        if (r.offset() + 1 >= end) {
          remaining.remove(tp);
        }
      }
    }
    if (!remaining.isEmpty()) {
      throw new IllegalStateException("could not read " + topic + " to its end in 30 s");
    }
  }

  private KafkaConsumer<String, String> reader(String consumer) {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, consumer + ".dlq.replay");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(config);
  }

  /**
   * Recounts every consumer's pending letters from the broker every minute (end offsets minus what
   * the replay group has committed), so the gauge is right after a restart and on every replica.
   */
  void start(@Observes StartupEvent ignored) {
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dead-letter-count");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(this::recountPending, 20, 60, TimeUnit.SECONDS);
  }

  void recountPending() {
    for (String c : deadLetters.selected(null)) {
      try (KafkaConsumer<String, String> reader = reader(c)) {
        String topic = deadLetters.topicOf(c);
        List<PartitionInfo> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10));
        long count = 0;
        if (partitions != null && !partitions.isEmpty()) {
          List<TopicPartition> tps =
              partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
          Map<TopicPartition, OffsetAndMetadata> committed =
              reader.committed(Set.copyOf(tps), Duration.ofSeconds(10));
          Map<TopicPartition, Long> ends = reader.endOffsets(tps, Duration.ofSeconds(10));
          Map<TopicPartition, Long> starts = reader.beginningOffsets(tps, Duration.ofSeconds(10));
          for (TopicPartition tp : tps) {
            OffsetAndMetadata done = committed.get(tp);
            long from = Math.max(done == null ? 0 : done.offset(), starts.getOrDefault(tp, 0L));
            count += Math.max(0, ends.getOrDefault(tp, 0L) - from);
          }
        }
        gauge.recounted(c, count);
      } catch (RuntimeException e) {
        LOG.debugf("could not count %s's dead letters now: %s", c, e.toString());
      }
    }
  }

  void close(@Observes ShutdownEvent ignored) {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }

  private static DeadLetters.Letter letter(String consumer, ConsumerRecord<String, String> r) {
    return new DeadLetters.Letter(
        consumer,
        r.topic(),
        r.partition(),
        r.offset(),
        header(r, DeadLetters.TOPIC),
        integer(header(r, DeadLetters.PARTITION)),
        r.headers().lastHeader(DeadLetters.OFFSET) == null
            ? null
            : Long.valueOf(header(r, DeadLetters.OFFSET)),
        r.key(),
        header(r, "ce_id"),
        header(r, "ce_type"),
        header(r, DeadLetters.ERROR),
        integer(header(r, DeadLetters.ATTEMPTS)),
        header(r, DeadLetters.AT));
  }

  private static Integer integer(String value) {
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
