package dev.payplatform.commons.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer mechanism against the real broker and database: retries in place, dead letters with
 * their reasons, consumption that goes on behind a poison record, and an operator's replay that the
 * inbox makes harmless. (Transient failures, i.e. PostgreSQL going away, are proven by the e2e
 * fault suite with a real restart.)
 */
@QuarkusTest
class ConsumerFailuresTest {
  private static final String TOPIC = InboxTopic.TOPIC;
  private static final String DLQ = "test." + CountingConsumer.CONSUMER + ".dlq";
  private static final String ADMIN = "Bearer commons-test-admin-token-0123456789";
  private static InboxTopic inbox;

  @BeforeAll
  static void consumerReading() {
    inbox = new InboxTopic();
    inbox.awaitConsumerReading("ready-" + UUID.randomUUID());
  }

  @AfterAll
  static void close() {
    inbox.close();
  }

  @Test
  void aHandlerThatFailsTwiceIsRetriedInPlaceAndTakesEffectOnce() {
    String key = "key-" + UUID.randomUUID();
    settle(key);
    long before = effects();
    String id = send(key, "{\"n\":1,\"fail\":\"twice\"}", true);
    awaitHandled(id);
    assertThat(CountingConsumer.attempts(id)).isEqualTo(3);
    assertThat(effects())
        .as("two rolled-back attempts and one that committed")
        .isEqualTo(before + 1);
  }

  @Test
  void aPoisonRecordIsDeadLetteredWithItsReasonAndLaterRecordsOfItsKeyFlowOn() {
    try (TopicReader dlq = new TopicReader(DLQ)) {
      String key = "key-" + UUID.randomUUID();
      settle(key);
      long before = effects();
      String poison = send(key, "{\"n\":1,\"fail\":\"always\"}", true);
      String next = send(key, "{\"n\":2}", true);
      awaitHandled(next);

      ConsumerRecord<String, String> letter =
          dlq.await(
              r -> poison.equals(TopicReader.header(r, CloudEventHeaders.ID)),
              Duration.ofSeconds(20));
      assertThat(letter.key()).isEqualTo(key);
      assertThat(letter.value()).isEqualTo("{\"n\":1,\"fail\":\"always\"}");
      assertThat(TopicReader.header(letter, CloudEventHeaders.TYPE)).isEqualTo("thing.happened");
      assertThat(TopicReader.header(letter, "dlq_consumer")).isEqualTo(CountingConsumer.CONSUMER);
      assertThat(TopicReader.header(letter, "dlq_topic")).isEqualTo(TOPIC);
      assertThat(TopicReader.header(letter, "dlq_attempts")).isEqualTo("3");
      assertThat(TopicReader.header(letter, "dlq_error")).contains("handler bug on attempt 3");
      assertThat(CountingConsumer.attempts(poison)).isEqualTo(3);
      assertThat(Db.count("select count(*) from inbox_event where event_id = ?", poison))
          .as("a dead letter is not claimed, so a replay can still apply it")
          .isZero();
      assertThat(effects())
          .as("only the record behind the poison took effect")
          .isEqualTo(before + 1);
    }
  }

  @Test
  void recordsThatCanNeverBeReadAreDeadLetteredAtOnce() {
    try (TopicReader dlq = new TopicReader(DLQ)) {
      String key = "key-" + UUID.randomUUID();
      String missingField = send(key, "{\"fail\":\"never\"}", true);
      String notJson = send(key, "not json", true);
      String noCloudEvent = "raw-" + UUID.randomUUID();
      send(key, "{\"n\":1,\"marker\":\"" + noCloudEvent + "\"}", false);
      String after = send(key, "{\"n\":3}", true);
      awaitHandled(after);

      List<ConsumerRecord<String, String>> letters =
          dlq.drain(Duration.ofSeconds(2)).stream().filter(r -> key.equals(r.key())).toList();
      assertThat(letters).extracting(r -> TopicReader.header(r, "dlq_attempts")).containsOnly("1");
      assertThat(letters)
          .extracting(r -> String.valueOf(TopicReader.header(r, CloudEventHeaders.ID)))
          .contains(missingField, notJson);
      assertThat(letters).anyMatch(r -> r.value().contains(noCloudEvent));
      assertThat(letters)
          .filteredOn(r -> missingField.equals(TopicReader.header(r, CloudEventHeaders.ID)))
          .singleElement()
          .satisfies(r -> assertThat(TopicReader.header(r, "dlq_error")).contains("n is missing"));
    }
  }

  @Test
  void aTypeTheConsumerDoesNotHandleIsPassedOverFromItsHeaderWithoutItsBodyBeingRead() {
    try (TopicReader dlq = new TopicReader(DLQ)) {
      String key = "key-" + UUID.randomUUID();
      settle(key);
      long before = effects();
      // Not JSON: a consumer that parsed the body of every record would dead-letter it.
      String other = inbox.sendOfType(key, "not json, and not this consumer's", "other.happened");
      String after = send(key, "{\"n\":4}", true);
      awaitHandled(after);

      assertThat(dlq.drain(Duration.ofSeconds(2)))
          .extracting(r -> String.valueOf(TopicReader.header(r, CloudEventHeaders.ID)))
          .doesNotContain(other);
      assertThat(InboxTopic.handled(other)).as("nothing was claimed for it").isFalse();
      assertThat(effects()).isEqualTo(before + 1);
    }
  }

  @Test
  void anOperatorListsDeadLettersAndReplaysThemOnceTheCauseIsFixed() {
    CountingConsumer.broken = true;
    String key = "key-" + UUID.randomUUID();
    settle(key);
    String stuck = send(key, "{\"n\":1,\"fail\":\"until-fixed\"}", true);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(pendingEventIds()).contains(stuck));
    given().get("/admin/dead-letters").then().statusCode(401);
    given()
        .header("Authorization", "Bearer wrong-token-0123456789")
        .get("/admin/dead-letters")
        .then()
        .statusCode(401);

    long before = effects();
    CountingConsumer.broken = false; // the operator deployed the fix
    int replayed =
        given()
            .header("Authorization", ADMIN)
            .post("/admin/dead-letters/replay?consumer=" + CountingConsumer.CONSUMER)
            .then()
            .statusCode(200)
            .extract()
            .path("replayed");
    assertThat(replayed).isGreaterThanOrEqualTo(1);
    awaitHandled(stuck);
    assertThat(pendingEventIds()).as("nothing is pending after a replay").doesNotContain(stuck);
    assertThat(effects()).isEqualTo(before + 1);

    // A second replay finds nothing; a replayed record the consumer had applied is skipped.
    given()
        .header("Authorization", ADMIN)
        .post("/admin/dead-letters/replay?consumer=" + CountingConsumer.CONSUMER)
        .then()
        .statusCode(200);
    String marker = send(key, "{\"n\":9}", true);
    awaitHandled(marker);
    assertThat(effects()).isEqualTo(before + 2);
    given()
        .header("Authorization", ADMIN)
        .get("/admin/dead-letters?consumer=nobody")
        .then()
        .statusCode(404)
        .body("code", org.hamcrest.Matchers.is(404));
  }

  private static List<String> pendingEventIds() {
    JsonPath listing =
        given()
            .header("Authorization", ADMIN)
            .get("/admin/dead-letters")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(listing.getList("consumers", String.class)).contains(CountingConsumer.CONSUMER);
    return listing.getList("items.event_id", String.class);
  }

  /** Waits until every earlier record of {@code key}'s partition was handled. */
  private static void settle(String key) {
    awaitHandled(send(key, "{\"n\":0}", true));
  }

  private static void awaitHandled(String eventId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> InboxTopic.handled(eventId));
  }

  private static long effects() {
    return Db.count("select hits from it_counter where name = 'effects'");
  }

  private static String send(String key, String value, boolean asEvent) {
    return inbox.send(key, value, asEvent);
  }
}
