package dev.payplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.payplatform.commons.testing.TestApi;
import dev.payplatform.commons.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events from the real topics reach real HTTP receivers, signed the Standard Webhooks way, retried
 * on failure, and an endpoint that answers 410 is disabled. Verified with the Standard Webhooks
 * reference library, not with our own code.
 */
@QuarkusTest
class WebhookDeliveryTest {
  @BeforeEach
  void serviceHasReadTheTopics() {
    Hooks.awaitCaughtUp();
  }

  private static final TestDb DB = TestDb.forService("events");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aPaymentEventReachesTheReceiverSignedWithItsSequenceAndIsListedAsDelivered()
      throws Exception {
    String merchant = TestApi.newMerchant();
    try (Receiver receiver = Receiver.start()) {
      JsonPath endpoint = Hooks.endpoint(merchant, "test", receiver.url(), List.of("payment.*"));
      String secret = endpoint.getString("secret");
      assertThat(secret).startsWith("whsec_");
      String payment = Hooks.paymentId();
      String created = Hooks.paymentEvent(merchant, false, "payment.created", payment);
      String succeeded = Hooks.paymentEvent(merchant, false, "payment.succeeded", payment);

      await().atMost(WAIT).until(() -> receiver.received().size() >= 2);
      for (Receiver.Received r : receiver.received()) {
        // The reference verifier: signature over id.timestamp.body, timestamp within 5 minutes.
        new Webhook(secret).verify(r.body(), r.headers());
      }
      Map<String, JsonNode> byId = new java.util.HashMap<>();
      for (Receiver.Received r : receiver.received()) {
        JsonNode body = JSON.readTree(r.body());
        assertThat(r.header("webhook-id")).isEqualTo(body.get("id").asText());
        byId.put(body.get("id").asText(), body);
      }
      assertThat(byId.get(created).get("sequence").asLong()).isEqualTo(1);
      assertThat(byId.get(succeeded).get("sequence").asLong()).isEqualTo(2);
      assertThat(byId.get(succeeded).get("type").asText()).isEqualTo("payment.succeeded");
      assertThat(byId.get(succeeded).get("data").get("amount").asLong()).isEqualTo(4999);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  TestApi.asTest(merchant)
                      .get("/v1/events/" + succeeded)
                      .then()
                      .statusCode(200)
                      .body("deliveries[0].status", equalTo("succeeded"))
                      .body("deliveries[0].attempts", equalTo(1))
                      .body("data.id", equalTo(payment)));
      TestApi.asTest(merchant)
          .queryParam("object_id", payment)
          .get("/v1/events")
          .then()
          .statusCode(200)
          .body("total_items", equalTo(2))
          .body("items[0].id", equalTo(succeeded))
          .body("items[1].id", equalTo(created));
      TestApi.asTest(merchant)
          .queryParam("object_id", "pi_0123456789abcdefghij")
          .queryParam("type", "payment.succeeded")
          .get("/v1/events")
          .then()
          .statusCode(200)
          .body("total_items", equalTo(1));
    }
  }

  @Test
  void aReceiverThatFailsThreeTimesGetsTheEventOnTheFourthAttemptAndEveryAttemptIsListed() {
    String merchant = TestApi.newMerchant();
    try (Receiver receiver = Receiver.start().answer(500, 500, 500)) {
      String endpoint =
          Hooks.endpoint(merchant, "test", receiver.url(), List.of("payment.succeeded"))
              .getString("id");
      String event = Hooks.paymentEvent(merchant, false, "payment.succeeded", Hooks.paymentId());

      await().atMost(WAIT).until(() -> receiver.received().size() >= 4);
      assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(event);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  TestApi.asTest(merchant)
                      .get("/v1/webhook_endpoints/" + endpoint + "/deliveries")
                      .then()
                      .statusCode(200)
                      .body("total_items", equalTo(4))
                      .body(
                          "items.outcome",
                          equalTo(List.of("succeeded", "retrying", "retrying", "retrying")))
                      .body("items.http_status", equalTo(List.of(200, 500, 500, 500)))
                      .body("items[1].response_body", equalTo("status 500"))
                      .body("items[0].event_type", equalTo("payment.succeeded")));
      assertThat(
              DB.count(
                  "select count(*) from delivery where event_id = ? and status = 'succeeded' and attempts = 4",
                  event))
          .isEqualTo(1);
    }
  }

  @Test
  void anEndpointThatAnswers410IsDisabledAndTheMerchantsLogSaysSo() {
    String merchant = TestApi.newMerchant();
    try (Receiver gone = Receiver.start().answer(410);
        Receiver watcher = Receiver.start()) {
      String endpoint = Hooks.endpoint(merchant, "test", gone.url(), List.of("*")).getString("id");
      Hooks.endpoint(merchant, "test", watcher.url(), List.of("webhook_endpoint.disabled"));
      Hooks.paymentEvent(merchant, false, "payment.created", Hooks.paymentId());

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  TestApi.asTest(merchant)
                      .get("/v1/webhook_endpoints/" + endpoint)
                      .then()
                      .statusCode(200)
                      .body("status", equalTo("disabled"))
                      .body("disabled_reason", equalTo("the endpoint answered 410 Gone")));
      TestApi.asTest(merchant)
          .queryParam("type", "webhook_endpoint.*")
          .get("/v1/events")
          .then()
          .statusCode(200)
          .body("total_items", equalTo(1))
          .body("items[0].subject", equalTo(endpoint))
          .body("items[0].data.status", equalTo("disabled"));
      // The other endpoint is told; the disabled one is not sent its own obituary.
      await().atMost(WAIT).until(() -> watcher.received().size() == 1);
      assertThat(gone.received()).hasSize(1);
    }
  }

  @Test
  void aRotatedSecretSignsBesideTheNewOneSoReceiversWithEitherVerify() throws Exception {
    String merchant = TestApi.newMerchant();
    try (Receiver receiver = Receiver.start()) {
      JsonPath created = Hooks.endpoint(merchant, "test", receiver.url(), List.of("payment.*"));
      String oldSecret = created.getString("secret");
      String newSecret =
          TestApi.asTest(merchant)
              .post("/v1/webhook_endpoints/" + created.getString("id") + "/rotate_secret")
              .then()
              .statusCode(200)
              .extract()
              .path("secret");
      assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
      TestApi.asTest(merchant)
          .get("/v1/webhook_endpoints/" + created.getString("id"))
          .then()
          .statusCode(200)
          .body("secret", org.hamcrest.Matchers.nullValue())
          .body("previous_secret_expires_at", org.hamcrest.Matchers.notNullValue());
      TestApi.asTest(merchant)
          .post("/v1/webhook_endpoints/" + created.getString("id") + "/test")
          .then()
          .statusCode(200);

      await().atMost(WAIT).until(() -> receiver.received().size() == 1);
      Receiver.Received r = receiver.received().get(0);
      assertThat(r.header("webhook-signature").split(" ")).hasSize(2);
      new Webhook(oldSecret).verify(r.body(), r.headers());
      new Webhook(newSecret).verify(r.body(), r.headers());
      assertThat(r.body()).contains("\"type\":\"webhook.test\"");
    }
  }

  @Test
  void retryAfterIsHonouredAndAnEndpointThatAnswersAgainGetsItsBackloggedEventsAtOnce() {
    String merchant = TestApi.newMerchant();
    Receiver.Answer busy = new Receiver.Answer(503, Map.of("Retry-After", "3600"), "busy");
    try (Receiver receiver = Receiver.start().answer(busy).answer(busy)) {
      String endpoint =
          Hooks.endpoint(merchant, "test", receiver.url(), List.of("payment.created"))
              .getString("id");
      String first = Hooks.paymentEvent(merchant, false, "payment.created", Hooks.paymentId());
      String second = Hooks.paymentEvent(merchant, false, "payment.created", Hooks.paymentId());
      await().atMost(WAIT).until(() -> receiver.received().size() == 2);
      // The endpoint asked for an hour: the next attempts wait that long.
      await()
          .atMost(WAIT)
          .until(
              () ->
                  DB.count(
                          "select count(*) from delivery where endpoint_id = ? and status = 'pending'"
                              + " and next_attempt_at > now() + interval '50 minutes'",
                          endpoint)
                      == 2);
      // The merchant fixed it and sends a test event: it succeeds, and the two waiting go now.
      TestApi.asTest(merchant)
          .post("/v1/webhook_endpoints/" + endpoint + "/test")
          .then()
          .statusCode(200);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  DB.count(
                          "select count(*) from delivery where event_id in (?, ?) and status = 'succeeded'",
                          first,
                          second)
                      == 2);
    }
  }
}
