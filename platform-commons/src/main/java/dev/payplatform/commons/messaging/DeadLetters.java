package dev.payplatform.commons.messaging;

import dev.payplatform.commons.config.EventConsumerConfig;
import io.quarkus.runtime.ShutdownEvent;
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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Each consumer's dead-letter topic ({@code <consumer>.dlq}): what the consumer mechanism gave up
 * on, with the original key, value and headers plus why ({@code dlq_*} headers). An operator lists
 * the letters not yet replayed and, once the cause is fixed, replays them: each is re-published to
 * its original topic with its original headers, and every consumer's inbox skips the ones it had
 * already applied, so a replay is harmless. What was replayed is remembered as the offsets of the
 * consumer group {@code <consumer>.dlq.replay}.
 *
 * <p>This class knows the consumers and their topics and writes the letters (and owns the producer
 * that a replay re-publishes with); {@link DeadLetterReplay} lists and replays them, {@link
 * PendingDeadLetterGauge} counts them.
 */
@ApplicationScoped
public class DeadLetters {
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
  private final PendingDeadLetterGauge gauge;
  private final Clock clock;
  private final Map<String, EventHandlers> consumers = new ConcurrentHashMap<>();
  private volatile KafkaProducer<String, String> producer;

  public DeadLetters(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      EventConsumerConfig config,
      PendingDeadLetterGauge gauge,
      Clock clock) {
    this.kafkaConfig = kafkaConfig;
    this.topicPrefix = config.deadLetterTopicPrefix().orElse("");
    this.gauge = gauge;
    this.clock = clock;
  }

  void register(EventHandlers table) {
    if (consumers.putIfAbsent(table.consumer(), table) == null) {
      gauge.track(table.consumer());
    }
  }

  /** The dead-letter topic of a consumer: {@code <consumer>.dlq} (tests add a prefix). */
  public String topicOf(EventHandlers table) {
    return topicPrefix + table.consumer() + ".dlq";
  }

  /** The dead-letter topic of a registered consumer, by id. */
  String topicOf(String consumer) {
    return topicOf(consumers.get(consumer));
  }

  /** The consumers of this service, by id. */
  public Set<String> consumers() {
    return Set.copyOf(consumers.keySet());
  }

  /**
   * The registered consumers, sorted, when {@code consumer} is null or blank; else just it.
   *
   * @throws IllegalArgumentException when it is not a consumer of this service
   */
  List<String> selected(String consumer) {
    if (consumer == null || consumer.isBlank()) {
      return new ArrayList<>(new TreeMap<>(consumers).keySet());
    }
    if (!consumers.containsKey(consumer)) {
      throw new IllegalArgumentException("no consumer " + consumer + " in this service");
    }
    return List.of(consumer);
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
              gauge.added(table.consumer());
              return (Void) null;
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  /** Sends one record and waits for the broker's acknowledgement; blocking. */
  void send(String topic, String key, String value, RecordHeaders headers) throws Exception {
    producer()
        .send(new ProducerRecord<>(topic, null, key, value, headers))
        .get(15, TimeUnit.SECONDS);
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

  void close(@Observes ShutdownEvent ignored) {
    KafkaProducer<String, String> p = producer;
    if (p != null) {
      p.close(Duration.ofSeconds(2));
    }
  }

  private static String describe(Throwable reason) {
    String text = reason.getClass().getSimpleName() + ": " + reason.getMessage();
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
