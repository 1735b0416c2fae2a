package dev.payplatform.commons.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.outbox.OutboxRelay;
import dev.payplatform.commons.testing.TestTokens;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The outbox, relay and inbox against the real PostgreSQL and the real Kafka broker. */
@QuarkusTest
class OutboxRelayInboxTest {
  private static final String TOKEN = TestTokens.merchant("mer_outbox", "test");

  @Inject OutboxRelay relay;

  @Test
  void committedWriteReachesTheTopicWithCloudEventsHeaders() {
    try (TopicReader topic = new TopicReader(NoteService.TOPIC)) {
      String requestId = "it-" + UUID.randomUUID().toString().replace("-", "-x");
      String id =
          given()
              .auth()
              .oauth2(TOKEN)
              .header("X-Request-Id", requestId)
              .contentType("application/json")
              .body(Map.of("text", "hello", "tags", List.of("a")))
              .post("/it/notes")
              .then()
              .statusCode(200)
              .header("X-Request-Id", requestId)
              .extract()
              .path("id");

      ConsumerRecord<String, String> record =
          topic.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
      assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
      assertThat(TopicReader.header(record, CloudEventHeaders.ID)).startsWith("evt_");
      assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo("note.created");
      assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE))
          .isEqualTo("/platform-commons-it");
      assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
      assertThat(TopicReader.header(record, CloudEventHeaders.TIME)).endsWith("Z");
      assertThat(TopicReader.header(record, CloudEventHeaders.MERCHANT_ID)).isEqualTo("mer_outbox");
      assertThat(TopicReader.header(record, CloudEventHeaders.LIVEMODE)).isEqualTo("false");
      assertThat(TopicReader.header(record, CloudEventHeaders.REQUEST_ID)).isEqualTo(requestId);
      JsonNode data = readJson(record.value());
      assertThat(data.path("id").asText()).isEqualTo(id);
      assertThat(data.path("text").asText()).isEqualTo("hello");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  Db.count(
                          "select count(*) from outbox_event where aggregate_key = ? and published_at is not null",
                          id)
                      == 1);
      assertThat(relay.isLeader()).isTrue();
    }
  }

  @Test
  void aTracedWritesEventIsPublishedInTheSameTraceUnderTheRelaysSpan() {
    try (TopicReader topic = new TopicReader(NoteService.TOPIC)) {
      String traceId = UUID.randomUUID().toString().replace("-", "");
      String callerSpan = "00f067aa0ba902b7";
      String id =
          given()
              .auth()
              .oauth2(TOKEN)
              .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
              .contentType("application/json")
              .body(Map.of("text", "traced", "tags", List.of()))
              .post("/it/notes")
              .then()
              .statusCode(200)
              .extract()
              .path("id");

      ConsumerRecord<String, String> record =
          topic.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
      String stored = Db.string("select traceparent from outbox_event where aggregate_key = ?", id);
      String published = TopicReader.header(record, "traceparent");
      // Both in the caller's trace, sampled as the caller asked: the row names the request's span,
      // the record the relay's publish span (a child of it), which consumers continue.
      assertThat(stored).matches("00-" + traceId + "-[0-9a-f]{16}-01");
      assertThat(published).matches("00-" + traceId + "-[0-9a-f]{16}-01");
      assertThat(published).isNotEqualTo(stored);
      assertThat(stored).as("the service's own span, not the caller's").doesNotContain(callerSpan);
    }
  }

  private static JsonNode readJson(String value) {
    try {
      return new ObjectMapper().readTree(value);
    } catch (java.io.IOException e) {
      throw new AssertionError("event data is not JSON: " + value, e);
    }
  }

  @Test
  void rolledBackWriteLeavesNoRowAndNoEvent() {
    try (TopicReader topic = new TopicReader(NoteService.TOPIC)) {
      String doomed = "doomed-" + UUID.randomUUID().toString().substring(0, 8);
      given()
          .auth()
          .oauth2(TOKEN)
          .contentType("application/json")
          .body(Map.of("text", doomed, "tags", List.of()))
          .post("/it/notes?fail=true")
          .then()
          .statusCode(409)
          .body("code", org.hamcrest.Matchers.is(409))
          .body("type", org.hamcrest.Matchers.is("danger"));
      assertThat(Db.count("select count(*) from it_note where text = ?", doomed)).isZero();
      assertThat(Db.count("select count(*) from outbox_event where payload->>'text' = ?", doomed))
          .isZero();

      // A committed marker written after the rollback: once it is on the topic, anything the
      // rolled-back request could have produced would be there too.
      String marker =
          given()
              .auth()
              .oauth2(TOKEN)
              .contentType("application/json")
              .body(Map.of("text", "marker", "tags", List.of()))
              .post("/it/notes")
              .then()
              .statusCode(200)
              .extract()
              .path("id");
      topic.await(r -> marker.equals(r.key()), Duration.ofSeconds(20));
      assertThat(topic.drain(Duration.ofMillis(500)))
          .noneMatch(r -> r.value() != null && r.value().contains(doomed));
    }
  }

  @Test
  void redeliveredEventTakesEffectOnce() {
    String first = "evt_" + UUID.randomUUID();
    String second = "evt_" + UUID.randomUUID();
    try (InboxTopic inbox = new InboxTopic()) {
      // The topic keeps earlier runs' records, and the consumer may still be working through
      // some of them (offsets not yet committed when that run stopped). One key, one partition:
      // once a warm-up event is in, everything before it was handled and the counter is settled.
      inbox.awaitConsumerReading("agg-1");
      long before = Db.count("select hits from it_counter where name = 'effects'");
      for (String id : List.of(first, first, first, second)) {
        send(inbox, id);
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Db.count(
                          "select count(*) from inbox_event where event_id in (?, ?)",
                          first,
                          second)
                      == 2);
      assertThat(Db.count("select hits from it_counter where name = 'effects'"))
          .as("three deliveries of one event and one of another: two effects")
          .isEqualTo(before + 2);
    }
  }

  /** One event id sent as often as asked: what a redelivery looks like to the consumer. */
  private static void send(InboxTopic inbox, String eventId) {
    inbox.sendWithId("agg-1", "{\"n\":1}", eventId);
  }
}
