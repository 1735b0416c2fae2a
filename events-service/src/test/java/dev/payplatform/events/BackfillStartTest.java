package dev.payplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.commons.testing.TestInfrastructure;
import dev.payplatform.events.messaging.BackfillStart;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Where a new consumer group of the event log starts, on the real broker: at the first record of
 * the backfill window, at the end of a partition with nothing that recent or nothing at all (and it
 * then reads that partition's next record at once), and where the group left off once it has
 * committed; and a record published between the listener's two offset lookups is read.
 * A @QuarkusTest only for the module's broker (local or container).
 */
@QuarkusTest
class BackfillStartTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final String topic = "test.backfill." + UUID.randomUUID();
  private final TopicPartition recent = new TopicPartition(topic, 0);
  private final TopicPartition onlyOld = new TopicPartition(topic, 1);
  private final TopicPartition empty = new TopicPartition(topic, 2);
  private final BackfillStart start =
      new BackfillStart(Optional.of(Duration.ofDays(1)), InstantSource.fixed(NOW));

  @Test
  void aNewGroupStartsAtTheBackfillWindowOrAtTheEndAndAGroupThatCommittedResumes()
      throws Exception {
    try (Admin admin =
            Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrap()));
        KafkaProducer<String, String> producer = producer()) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
      send(producer, recent, NOW.minus(Duration.ofDays(2)), "old");
      send(producer, recent, NOW.minus(Duration.ofHours(1)), "recent");
      send(producer, onlyOld, NOW.minus(Duration.ofDays(3)), "old");
    }
    String group = "test.backfill-" + UUID.randomUUID();
    try (KafkaConsumer<String, String> consumer = consumer(group)) {
      consumer.assign(List.of(recent, onlyOld, empty));
      start.onPartitionsAssigned(consumer, List.of(recent, onlyOld, empty));
      assertThat(consumer.position(recent)).isEqualTo(1);
      assertThat(consumer.position(onlyOld)).isEqualTo(1);
      assertThat(consumer.position(empty)).isZero();

      // The empty partition's first record is read by the next polls, not after a retry.
      try (KafkaProducer<String, String> producer = producer()) {
        send(producer, empty, Instant.now(), "first");
      }
      ConsumerRecords<String, String> polled = ConsumerRecords.empty();
      for (int i = 0; i < 20 && polled.records(empty).isEmpty(); i++) {
        polled = consumer.poll(Duration.ofMillis(500));
      }
      assertThat(polled.records(empty)).extracting(r -> r.value()).containsExactly("first");
      consumer.commitSync(Map.of(recent, new OffsetAndMetadata(0)));
    }
    try (KafkaConsumer<String, String> again = consumer(group)) {
      again.assign(List.of(recent));
      start.onPartitionsAssigned(again, List.of(recent));
      assertThat(again.position(recent)).as("the committed offset, not the window").isZero();
    }
  }

  @Test
  void aRecordPublishedBetweenTheTwoLookupsIsRead() throws Exception {
    TopicPartition onlyOldBefore = new TopicPartition(topic, 0);
    TopicPartition emptyBefore = new TopicPartition(topic, 1);
    try (Admin admin =
            Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrap()));
        KafkaProducer<String, String> producer = producer()) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
      send(producer, onlyOldBefore, NOW.minus(Duration.ofDays(3)), "old");
    }
    try (KafkaConsumer<String, String> real = consumer("test.backfill-" + UUID.randomUUID());
        KafkaProducer<String, String> producer = producer()) {
      real.assign(List.of(onlyOldBefore, emptyBefore));
      // Nothing is recent when the listener makes its first lookup; a recent record lands on each
      // partition right after it, before the second.
      Consumer<String, String> consumer =
          afterFirstLookup(
              real,
              () -> {
                send(producer, onlyOldBefore, NOW.minus(Duration.ofMinutes(1)), "between");
                send(producer, emptyBefore, NOW.minus(Duration.ofMinutes(1)), "between");
              });
      start.onPartitionsAssigned(consumer, List.of(onlyOldBefore, emptyBefore));

      assertThat(real.position(onlyOldBefore)).as("the record after the old one").isEqualTo(1);
      assertThat(real.position(emptyBefore)).as("the partition's first record").isZero();
      List<String> read = new ArrayList<>();
      for (int i = 0; i < 20 && read.size() < 2; i++) {
        real.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.value()));
      }
      assertThat(read).containsExactly("between", "between");
    }
  }

  /** Something the broker sees while a step runs. */
  private interface Step {
    void run() throws Exception;
  }

  /**
   * {@code real}, running {@code between} once, right after the first offset lookup (by time or the
   * end) returns: the window in which a record can be published between two lookups.
   */
  @SuppressWarnings("unchecked")
  private static Consumer<String, String> afterFirstLookup(
      KafkaConsumer<String, String> real, Step between) {
    AtomicBoolean looked = new AtomicBoolean();
    return (Consumer<String, String>)
        Proxy.newProxyInstance(
            Consumer.class.getClassLoader(),
            new Class<?>[] {Consumer.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              boolean lookup =
                  method.getName().equals("offsetsForTimes")
                      || method.getName().equals("endOffsets");
              if (lookup && looked.compareAndSet(false, true)) {
                between.run();
              }
              return result;
            });
  }

  private static void send(
      KafkaProducer<String, String> producer, TopicPartition p, Instant at, String value)
      throws Exception {
    producer
        .send(new ProducerRecord<>(p.topic(), p.partition(), at.toEpochMilli(), "k", value))
        .get();
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put("bootstrap.servers", TestInfrastructure.kafkaBootstrap());
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(String group) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
