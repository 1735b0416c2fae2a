package dev.payplatform.commons.messaging;

import dev.payplatform.commons.config.EventConsumerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Each consumer's dead-letter topic ({@code <consumer>.dlq}): what the consumer mechanism gave up
 * on, with the original key, value and headers plus why ({@code dlq_*} headers). An operator lists
 * the letters not yet replayed and, once the cause is fixed, replays them: each is re-published to
 * its original topic with its original headers, and every consumer's inbox skips the ones it had
 * already applied, so a replay is harmless. What was replayed is remembered as the offsets of the
 * consumer group {@code <consumer>.dlq.replay}.
 */
@ApplicationScoped
public class DeadLetters {
  private static final Logger LOG = Logger.getLogger(DeadLetters.class);
  static final String CONSUMER = "dlq_consumer";
  static final String TOPIC = "dlq_topic";
  static final String PARTITION = "dlq_partition";
  static final String OFFSET = "dlq_offset";
  static final String ERROR = "dlq_error";
  static final String ATTEMPTS = "dlq_attempts";
  static final String AT = "dlq_at";
  static final String VALUE_DROPPED = "dlq_value_dropped";

  /** One letter as an operator sees it. */
  public record Letter(
      String consumer,
      String deadLetterTopic,
      int partition,
      long offset,
      String originalTopic,
      Integer originalPartition,
      Long originalOffset,
      String key,
      String eventId,
      String eventType,
      String error,
      Integer attempts,
      String deadLetteredAt) {}

  private final Map<String, Object> kafkaConfig;
  private final String topicPrefix;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final Map<String, EventHandlers> consumers = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
  private volatile KafkaProducer<String, String> producer;
  private volatile ScheduledExecutorService refresher;

  public DeadLetters(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      EventConsumerConfig config,
      MeterRegistry metrics,
      Clock clock) {
    this.kafkaConfig = kafkaConfig;
    this.topicPrefix = config.deadLetterTopicPrefix().orElse("");
    this.metrics = metrics;
    this.clock = clock;
  }

  void register(EventHandlers table) {
    if (consumers.putIfAbsent(table.consumer(), table) == null) {
      pending.put(
          table.consumer(),
          metrics.gauge(
              "platform.consumer.dead.letters.pending",
              List.of(Tag.of("consumer", table.consumer())),
              new AtomicLong()));
    }
  }

  /** The dead-letter topic of a consumer: {@code <consumer>.dlq} (tests add a prefix). */
  public String topicOf(EventHandlers table) {
    return topicPrefix + table.consumer() + ".dlq";
  }

  /** The consumers of this service, by id. */
  public Set<String> consumers() {
    return Set.copyOf(consumers.keySet());
  }

  /** Sends {@code record} to the consumer's dead-letter topic (off the event loop). */
  Uni<Void> publish(
      EventHandlers table, ConsumerRecord<String, String> record, Throwable reason, int attempts) {
    return Uni.createFrom()
        .item(
            () -> {
              RecordHeaders headers = new RecordHeaders();
              for (Header h : record.headers()) {
                headers.add(h);
              }
              headers.add(CONSUMER, bytes(table.consumer()));
              headers.add(TOPIC, bytes(record.topic()));
              headers.add(PARTITION, bytes(Integer.toString(record.partition())));
              headers.add(OFFSET, bytes(Long.toString(record.offset())));
              headers.add(ERROR, bytes(describe(reason)));
              headers.add(ATTEMPTS, bytes(Integer.toString(attempts)));
              headers.add(AT, bytes(clock.instant().toString()));
              try {
                try {
                  send(topicOf(table), record.key(), record.value(), headers);
                } catch (java.util.concurrent.ExecutionException e) {
                  if (!(e.getCause()
                      instanceof org.apache.kafka.common.errors.RecordTooLargeException)) {
                    throw e;
                  }
                  // A record near the size limit plus the dlq_* headers: keep the letter (where it
                  // came from, why) without the value, rather than retrying a send that never fits.
                  headers.add(VALUE_DROPPED, bytes("true"));
                  send(topicOf(table), record.key(), null, headers);
                }
              } catch (Exception e) {
                throw new IllegalStateException("dead-letter publish failed: " + e, e);
              }
              AtomicLong gauge = pending.get(table.consumer());
              if (gauge != null) {
                gauge.incrementAndGet();
              }
              return (Void) null;
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private void send(String topic, String key, String value, RecordHeaders headers)
      throws Exception {
    producer()
        .send(new ProducerRecord<>(topic, null, key, value, headers))
        .get(15, TimeUnit.SECONDS);
  }

  /** The letters not yet replayed, of one consumer or (null) of all; blocking. */
  public List<Letter> pending(String consumer) {
    List<Letter> letters = new ArrayList<>();
    for (String c : selected(consumer)) {
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
    for (String c : selected(consumer)) {
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
          String topic = header(r, TOPIC);
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
            producer()
                .send(new ProducerRecord<>(topic, null, r.key(), r.value(), headers))
                .get(15, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("replay to " + topic + " failed: " + e, e);
          }
          replayed++;
        }
        if (!done.isEmpty()) {
          reader.commitSync(done);
        }
        AtomicLong gauge = pending.get(c);
        if (gauge != null) {
          gauge.set(0);
        }
        LOG.infof("%s: replayed %d dead letter(s)", c, letters.size());
      }
    }
    return replayed;
  }

  private List<String> selected(String consumer) {
    if (consumer == null || consumer.isBlank()) {
      return new ArrayList<>(new TreeMap<>(consumers).keySet());
    }
    if (!consumers.containsKey(consumer)) {
      throw new IllegalArgumentException("no consumer " + consumer + " in this service");
    }
    return List.of(consumer);
  }

  private interface Visitor {
    void visit(TopicPartition tp, ConsumerRecord<String, String> record);
  }

  /** Reads the consumer's dead-letter topic from the replay group's position to its end. */
  private void read(KafkaConsumer<String, String> reader, String consumer, Visitor visitor) {
    String topic = topicOf(consumers.get(consumer));
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

  private KafkaProducer<String, String> producer() {
    KafkaProducer<String, String> p = producer;
    if (p == null) {
      synchronized (this) {
        if (producer == null) {
          Map<String, Object> config = new HashMap<>(kafkaConfig);
          config.put(ProducerConfig.ACKS_CONFIG, "all");
          config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
          config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
          config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
          config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
          config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
          config.put(
              ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
          producer = new KafkaProducer<>(config);
        }
        p = producer;
      }
    }
    return p;
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
    for (String c : selected(null)) {
      try (KafkaConsumer<String, String> reader = reader(c)) {
        String topic = topicOf(consumers.get(c));
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
        pending.get(c).set(count);
      } catch (RuntimeException e) {
        LOG.debugf("could not count %s's dead letters now: %s", c, e.toString());
      }
    }
  }

  void close(@Observes ShutdownEvent ignored) {
    if (refresher != null) {
      refresher.shutdownNow();
    }
    KafkaProducer<String, String> p = producer;
    if (p != null) {
      p.close(Duration.ofSeconds(2));
    }
  }

  private static Letter letter(String consumer, ConsumerRecord<String, String> r) {
    return new Letter(
        consumer,
        r.topic(),
        r.partition(),
        r.offset(),
        header(r, TOPIC),
        integer(header(r, PARTITION)),
        r.headers().lastHeader(OFFSET) == null ? null : Long.valueOf(header(r, OFFSET)),
        r.key(),
        header(r, "ce_id"),
        header(r, "ce_type"),
        header(r, ERROR),
        integer(header(r, ATTEMPTS)),
        header(r, AT));
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

  private static String describe(Throwable reason) {
    String text = reason.getClass().getSimpleName() + ": " + reason.getMessage();
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
