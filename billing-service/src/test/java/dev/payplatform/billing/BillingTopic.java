package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.EventSchemas;
import dev.payplatform.commons.testing.TopicReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * test.billing.events as an ops engineer's console consumer sees it. Every event a test awaits is
 * also checked against its published JSON Schema and its envelope (type, key, tenant).
 */
final class BillingTopic implements AutoCloseable {
  static final String TOPIC = "test.billing.events";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final TopicReader reader = new TopicReader(TOPIC);

  /** The data of the first {@code type} event keyed {@code key} matching {@code match}. */
  JsonNode await(String type, String key, Predicate<JsonNode> match) {
    ConsumerRecord<String, String> r =
        reader.await(
            rec ->
                key.equals(rec.key())
                    && type.equals(TopicReader.header(rec, CloudEventHeaders.TYPE))
                    && match.test(json(rec.value())),
            WAIT);
    JsonNode data = json(r.value());
    assertThat(TopicReader.header(r, CloudEventHeaders.SUBJECT)).isEqualTo(key);
    assertThat(TopicReader.header(r, CloudEventHeaders.SOURCE)).isEqualTo("/billing-service");
    assertThat(TopicReader.header(r, CloudEventHeaders.MERCHANT_ID)).startsWith("mer_");
    assertThat(EventSchemas.violations("billing", type, data))
        .as(type + " against its schema")
        .isEmpty();
    return data;
  }

  JsonNode await(String type, String key) {
    return await(type, key, d -> true);
  }

  ConsumerRecord<String, String> awaitRecord(String type, String key) {
    return reader.await(
        rec ->
            key.equals(rec.key()) && type.equals(TopicReader.header(rec, CloudEventHeaders.TYPE)),
        WAIT);
  }

  /** Every event about {@code key} seen so far plus those arriving within {@code window}. */
  List<ConsumerRecord<String, String>> drain(String key, Duration window) {
    return reader.drain(window).stream().filter(r -> key.equals(r.key())).toList();
  }

  static String type(ConsumerRecord<String, String> r) {
    return TopicReader.header(r, CloudEventHeaders.TYPE);
  }

  static JsonNode json(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + value, e);
    }
  }

  @Override
  public void close() {
    reader.close();
  }
}
