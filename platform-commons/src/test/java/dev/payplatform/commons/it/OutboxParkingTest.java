package dev.payplatform.commons.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A row Kafka refuses for good (here: larger than the broker accepts) is parked after a few
 * attempts; the rest of the outbox flows on, the later rows of its aggregate wait behind it, and an
 * operator's replay publishes it and them in order once the cause is fixed.
 */
@QuarkusTest
class OutboxParkingTest {
  private static final String ADMIN = "Bearer commons-test-admin-token-0123456789";
  private static final String INSERT =
      "insert into outbox_event (event_id, topic, aggregate_key, event_type, source, payload)"
          + " values (?, '"
          + NoteService.TOPIC
          + "', ?, 'note.created', '/platform-commons-it', cast(? as jsonb)) returning id";

  @Test
  void aRowKafkaRefusesIsParkedOthersFlowAndItsAggregateWaitsUntilTheOperatorReplaysIt() {
    try (TopicReader topic = new TopicReader(NoteService.TOPIC)) {
      String stuckKey = "park-" + UUID.randomUUID();
      String otherKey = "flow-" + UUID.randomUUID();
      String tooLarge = "{\"blob\":\"" + "x".repeat(2_000_000) + "\"}";
      long poison = Db.update(INSERT, "evt_" + UUID.randomUUID(), stuckKey, tooLarge);
      long behind = Db.update(INSERT, "evt_" + UUID.randomUUID(), stuckKey, "{\"n\":2}");
      long other = Db.update(INSERT, "evt_" + UUID.randomUUID(), otherKey, "{\"n\":3}");

      await().atMost(Duration.ofSeconds(30)).until(() -> published(other) && parked(poison));
      assertThat(published(behind)).as("a later row of the parked aggregate waits").isFalse();
      assertThat(Db.count("select attempts from outbox_event where id = ?", poison)).isEqualTo(2);

      List<Long> ids =
          given()
              .header("Authorization", ADMIN)
              .get("/admin/outbox/parked")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("items.id", Long.class);
      assertThat(ids).contains(poison);
      given()
          .header("Authorization", ADMIN)
          .get("/admin/outbox/parked")
          .then()
          .body("items.find { it.id == " + poison + " }.waiting", org.hamcrest.Matchers.is(1))
          .body(
              "items.find { it.id == " + poison + " }.last_error",
              org.hamcrest.Matchers.containsString("RecordTooLarge"));
      given().get("/admin/outbox/parked").then().statusCode(401);
      String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
      assertThat(metrics).containsPattern("(?m)^outbox_parked [1-9]");
      assertThat(metrics).containsPattern("(?m)^outbox_lag_seconds ");

      // The operator repairs the row, then replays it: it and the row behind it go out in order.
      Db.update("update outbox_event set payload = '{\"n\":1}' where id = ?", poison);
      given()
          .header("Authorization", ADMIN)
          .post("/admin/outbox/parked/replay?id=" + poison)
          .then()
          .statusCode(200)
          .body("replayed", org.hamcrest.Matchers.is(1));
      ConsumerRecord<String, String> second =
          topic.await(
              r -> stuckKey.equals(r.key()) && r.value().contains("\"n\": 2"),
              Duration.ofSeconds(20));
      List<String> values =
          topic.drain(Duration.ofMillis(200)).stream()
              .filter(r -> stuckKey.equals(r.key()))
              .map(ConsumerRecord::value)
              .toList();
      assertThat(values).containsExactly("{\"n\": 1}", "{\"n\": 2}");
      assertThat(second).isNotNull();
      await().atMost(Duration.ofSeconds(10)).until(() -> published(poison) && published(behind));
    }
  }

  private static boolean published(long id) {
    return Db.count(
            "select count(*) from outbox_event where id = ? and published_at is not null", id)
        == 1;
  }

  private static boolean parked(long id) {
    return Db.count("select count(*) from outbox_event where id = ? and parked_at is not null", id)
        == 1;
  }
}
