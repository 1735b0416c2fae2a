package dev.payplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What an ops team runs: its own consumer group on every event topic, starting at the end when a
 * scenario begins. Checks the CloudEvents headers and validates each event's data against its JSON
 * Schema in docs/events/.
 */
final class OpsConsumer implements AutoCloseable {
  static final List<String> TOPICS =
      List.of(
          "merchants.events",
          "checkout.events",
          "payments.events",
          "catalog.events",
          "billing.events");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One event as read from a topic. */
  record Event(
      String topic,
      String key,
      String id,
      String type,
      String merchantId,
      String livemode,
      String time,
      String source,
      JsonNode data) {}

  private final KafkaConsumer<String, String> consumer;
  private final List<Event> events = new ArrayList<>();

  OpsConsumer() {
    this("127.0.0.1:9092");
  }

  /** Reads from the cluster at {@code bootstrapServers} (every broker, comma separated). */
  OpsConsumer(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "ops-e2e-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(p);
    consumer.subscribe(TOPICS);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (consumer.assignment().size() < TOPICS.size() && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(100));
    }
    // Resolve the starting offsets now, so nothing that happens next is missed.
    for (TopicPartition tp : consumer.assignment()) {
      consumer.position(tp);
    }
  }

  /** Waits until an event matching {@code match} arrives; returns every event read so far. */
  List<Event> awaitEvent(Predicate<Event> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (events.stream().anyMatch(match)) {
        return List.copyOf(events);
      }
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        events.add(toEvent(r));
      }
    }
    throw new AssertionError(
        "no matching event within "
            + timeout
            + "; read: "
            + events.stream().map(e -> e.type() + "/" + e.key()).toList());
  }

  /** Reads until nothing new arrived for {@code quiet}; returns every event read so far. */
  List<Event> drain(Duration quiet) {
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < quiet.toNanos()) {
      var records = consumer.poll(Duration.ofMillis(200));
      if (!records.isEmpty()) {
        quietSince = System.nanoTime();
      }
      for (ConsumerRecord<String, String> r : records) {
        events.add(toEvent(r));
      }
    }
    return List.copyOf(events);
  }

  /** The events about one payment (by key or by a payment_id field), in the order read. */
  List<Event> aboutPayment(String paymentId) {
    return events.stream()
        .filter(
            e ->
                paymentId.equals(e.key())
                    || paymentId.equals(e.data().path("payment_id").asText())
                    || paymentId.equals(e.data().path("id").asText()))
        .toList();
  }

  private static Event toEvent(ConsumerRecord<String, String> r) {
    JsonNode data;
    try {
      data = JSON.readTree(r.value());
    } catch (IOException e) {
      throw new AssertionError("event on " + r.topic() + " is not JSON: " + r.value(), e);
    }
    return new Event(
        r.topic(),
        r.key(),
        header(r, "ce_id"),
        header(r, "ce_type"),
        header(r, "ce_merchantid"),
        header(r, "ce_livemode"),
        header(r, "ce_time"),
        header(r, "ce_source"),
        data);
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Valid CloudEvents headers and data valid against docs/events/<topic>/<type>.schema.json. */
  static void assertValid(Event e) {
    assertThat(e.id()).as("ce_id of %s", e.type()).startsWith("evt_");
    assertThat(e.type()).as("ce_type").matches("[a-z_]+(\\.[a-z_]+)+");
    assertThat(e.source()).as("ce_source").startsWith("/");
    assertThat(e.time()).as("ce_time").endsWith("Z");
    assertThat(e.key()).as("key").isNotBlank();
    String dir = e.topic().substring(0, e.topic().indexOf('.'));
    Path schemaFile = Platform.ROOT.resolve("docs/events/" + dir + "/" + e.type() + ".schema.json");
    assertThat(schemaFile).as("schema for %s", e.type()).exists();
    try {
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(Files.readString(schemaFile));
      Set<ValidationMessage> errors = schema.validate(e.data());
      assertThat(errors).as("%s data %s", e.type(), e.data()).isEmpty();
    } catch (IOException io) {
      throw new AssertionError(io);
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
