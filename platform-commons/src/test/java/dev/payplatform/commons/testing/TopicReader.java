package dev.payplatform.commons.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the start of this test run, independently of every consumer group (as an ops
 * engineer's console consumer would): the tests' proof that an event really reached the broker.
 *
 * <p>The test topics are never emptied: they keep every earlier run's records (millions, after
 * benchmarks). Reading them from the beginning would spend a test's whole timeout, and its memory,
 * on other runs' records, so a reader starts at the first record written since this JVM started.
 */
public final class TopicReader implements AutoCloseable {
  /** When this test JVM started: every record of this run was written after it. */
  public static final Instant RUN_STARTED =
      Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  /** Reads the records written since this test run started. */
  public TopicReader(String topic) {
    this(topic, RUN_STARTED);
  }

  /** Reads the records written at or after {@code from} (and everything written from now on). */
  public TopicReader(String topic, Instant from) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    ensureTopic(topic);
    consumer = new KafkaConsumer<>(p);
    // Assign every partition explicitly: a group subscription to a topic that is created a moment
    // later would sit on an empty assignment until the next metadata refresh (5 minutes).
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    consumer.assign(partitions);
    seekTo(partitions, from);
  }

  /** Positions each partition at its first record stamped at or after {@code from}. */
  private void seekTo(List<TopicPartition> partitions, Instant from) {
    // The end offsets first: a record written after this call is at or past them, and one written
    // before it is found by the time lookup below, so nothing falls between the two.
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
    Map<TopicPartition, Long> query = new HashMap<>();
    for (TopicPartition tp : partitions) {
      query.put(tp, from.toEpochMilli());
    }
    Map<TopicPartition, OffsetAndTimestamp> found =
        consumer.offsetsForTimes(query, Duration.ofSeconds(10));
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp at = found.get(tp);
      // No record that recent yet: start at the end as it was, before anything this run may add.
      consumer.seek(tp, at != null ? at.offset() : ends.get(tp));
    }
  }

  private static void ensureTopic(String topic) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (Admin admin = Admin.create(p)) {
      if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
        admin
            .createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
            .all()
            .get(10, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic, e);
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("cannot create topic " + topic, e);
    }
  }

  public static String bootstrap() {
    return System.getProperty(
        "kafka.bootstrap.servers",
        System.getenv()
            .getOrDefault("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrap()));
  }

  /** Polls until a record matching {@code match} arrives, or fails after {@code timeout}. */
  public ConsumerRecord<String, String> await(
      Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ConsumerRecord<String, String> r : seen) {
      if (match.test(r)) {
        return r;
      }
    }
    while (System.nanoTime() < deadline) {
      int from = seen.size();
      // Keep the whole batch: a later await may be looking for a record polled with this one.
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      for (int i = from; i < seen.size(); i++) {
        if (match.test(seen.get(i))) {
          return seen.get(i);
        }
      }
    }
    throw new AssertionError("no matching record on the topic within " + timeout);
  }

  /** Everything read so far plus whatever arrives within {@code window}. */
  public List<ConsumerRecord<String, String>> drain(Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
    return List.copyOf(seen);
  }

  public static String header(ConsumerRecord<?, ?> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
