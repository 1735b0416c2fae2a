package dev.payplatform.commons.it;

import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Records for the proof consumer's topic, and the wait until that consumer is reading it. */
final class InboxTopic implements AutoCloseable {
  static final String TOPIC = "test.commons.inbox";
  private static final Duration FIRST_ASSIGNMENT = Duration.ofSeconds(90);

  private final KafkaProducer<String, String> producer;

  InboxTopic() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer = new KafkaProducer<>(p);
  }

  /**
   * Waits until the consumer has handled a fresh event of {@code key}, i.e. it holds its partition
   * and has worked through everything before it. On a fresh broker the first group join waits for
   * the broker to create its offsets topic, which can take far longer than any later step.
   */
  void awaitConsumerReading(String key) {
    String id = send(key, "{\"n\":0}", true);
    await().atMost(FIRST_ASSIGNMENT).until(() -> handled(id));
  }

  static boolean handled(String eventId) {
    return Db.count("select count(*) from inbox_event where event_id = ?", eventId) == 1;
  }

  /** Sends a record of {@code key}; a CloudEvent (with a new id, returned) when {@code asEvent}. */
  String send(String key, String value, boolean asEvent) {
    return sendRecord(key, value, asEvent ? "evt_" + UUID.randomUUID() : null);
  }

  /** Sends a CloudEvent with a given id (a redelivery, when the id was sent before). */
  void sendWithId(String key, String value, String eventId) {
    sendRecord(key, value, eventId);
  }

  /** Sends a CloudEvent of another type than the one the consumer handles. */
  String sendOfType(String key, String value, String type) {
    return sendRecord(key, value, "evt_" + UUID.randomUUID(), type);
  }

  private String sendRecord(String key, String value, String id) {
    return sendRecord(key, value, id, "thing.happened");
  }

  private String sendRecord(String key, String value, String id, String type) {
    ProducerRecord<String, String> r = new ProducerRecord<>(TOPIC, key, value);
    if (id != null) {
      r.headers().add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
      r.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
    }
    try {
      producer.send(r).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  @Override
  public void close() {
    producer.close();
  }
}
