package dev.payplatform.commons.testing;

import dev.payplatform.commons.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudEvents to the real broker as another service's outbox relay would, so a service's
 * consumers can be tested without that service running.
 */
public final class TestEvents {
  private TestEvents() {}

  /** Publishes one event and waits for the broker's acknowledgement; returns its {@code ce_id}. */
  public static String publish(
      String topic, String type, String key, String merchantId, boolean livemode, String json) {
    return publishWithId(
        topic,
        "evt_" + UUID.randomUUID().toString().replace("-", ""),
        type,
        key,
        merchantId,
        livemode,
        json);
  }

  /** Publishes with a chosen {@code ce_id}, e.g. to prove a redelivery is deduplicated. */
  public static String publishWithId(
      String topic,
      String eventId,
      String type,
      String key,
      String merchantId,
      boolean livemode,
      String json) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, json);
      header(r, CloudEventHeaders.SPEC_VERSION, "1.0");
      header(r, CloudEventHeaders.ID, eventId);
      header(r, CloudEventHeaders.TYPE, type);
      header(r, CloudEventHeaders.SOURCE, "/test");
      header(r, CloudEventHeaders.SUBJECT, key);
      header(r, CloudEventHeaders.TIME, Instant.now().toString());
      if (merchantId != null) {
        header(r, CloudEventHeaders.MERCHANT_ID, merchantId);
        header(r, CloudEventHeaders.LIVEMODE, Boolean.toString(livemode));
      }
      header(r, CloudEventHeaders.CONTENT_TYPE, "application/json");
      producer.send(r).get(10, TimeUnit.SECONDS);
      return eventId;
    } catch (Exception e) {
      throw new IllegalStateException("could not publish " + type + " to " + topic, e);
    }
  }

  private static void header(ProducerRecord<String, String> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
