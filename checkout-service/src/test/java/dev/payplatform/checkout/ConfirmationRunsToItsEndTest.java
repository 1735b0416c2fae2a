package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A confirmation whose caller goes away (a dying edge, a buyer's lost connection) while the
 * processor call runs still records the processor's answer at once: the intent never waits in
 * processing for the reconciliation sweep (whose deadline is minutes away). A retry under the same
 * {@code Idempotency-Key} gets the first answer.
 */
@QuarkusTest
class ConfirmationRunsToItsEndTest {
  private static final RestAssuredConfig IMPATIENT =
      RestAssuredConfig.config()
          .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 1000));

  private static String status(String intentId) {
    return Db.text("select status from payment_intent where id = ?", intentId);
  }

  @Test
  void aConfirmationWhoseCallerHungUpDuringTheProcessorCallSucceedsWithoutTheSweep()
      throws Exception {
    String m = Api.newMerchant();
    Api.Intent intent = Api.intent(Api.session(m));
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = new HashMap<>(Api.card("4242424242424242"));
    body.put("client_secret", intent.clientSecret());

    // The sandbox processor keeps its records in this database: holding its table holds the
    // processor call itself, after transaction one (processing) and before the answer.
    try (Connection processor = Db.connect()) {
      processor.setAutoCommit(false);
      try (Statement hold = processor.createStatement()) {
        hold.execute("lock table sandbox_operation in access exclusive mode");
      }
      assertThatThrownBy(
              () ->
                  Api.buyer()
                      .config(IMPATIENT)
                      .header("Idempotency-Key", key)
                      .body(body)
                      .post("/v1/payments/intent/" + intent.id() + "/confirm"))
          .hasStackTraceContaining("timed out");
      // The caller is gone while the processor call runs: exactly the window that matters.
      assertThat(status(intent.id())).isEqualTo("processing");
      Thread.sleep(500);
      processor.commit();
    }

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(status(intent.id())).isEqualTo("succeeded"));

    Response retry =
        Api.buyer()
            .header("Idempotency-Key", key)
            .body(body)
            .post("/v1/payments/intent/" + intent.id() + "/confirm");
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.jsonPath().getString("status")).isEqualTo("succeeded");
    assertThat(Db.count("select count(*) from sandbox_charge where merchant_id = ?", m))
        .isEqualTo(1);
  }

  @Test
  void aDeclineIsTheAnswerARetryGetsAndNoSecondAttemptIsMade() {
    String m = Api.newMerchant();
    Api.Intent intent = Api.intent(Api.session(m));
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = new HashMap<>(Api.card("4000000000000002"));
    body.put("client_secret", intent.clientSecret());

    Response first =
        Api.buyer()
            .header("Idempotency-Key", key)
            .body(body)
            .post("/v1/payments/intent/" + intent.id() + "/confirm");
    Response again =
        Api.buyer()
            .header("Idempotency-Key", key)
            .body(body)
            .post("/v1/payments/intent/" + intent.id() + "/confirm");

    assertThat(first.statusCode()).isEqualTo(402);
    assertThat(again.statusCode()).isEqualTo(402);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getString("error.decline_reason"))
        .isEqualTo(first.jsonPath().getString("error.decline_reason"));
    assertThat(
            Db.count(
                "select count(*) from payment_attempt where payment_intent_id = ?", intent.id()))
        .isEqualTo(1);
  }

  @Test
  void noHashOfTheCardNumberIsStoredWithTheKey() throws Exception {
    String m = Api.newMerchant();
    Api.Intent intent = Api.intent(Api.session(m));
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = new HashMap<>(Api.card("4242424242424242"));
    body.put("client_secret", intent.clientSecret());
    Api.buyer()
        .header("Idempotency-Key", key)
        .body(body)
        .post("/v1/payments/intent/" + intent.id() + "/confirm")
        .then()
        .statusCode(200);

    String stored =
        Db.text(
            "select concat_ws(' ', idempotency_key, fingerprint, response_body)"
                + " from idempotent_request where idempotency_key like ?",
            "%" + key);
    assertThat(stored).isNotNull().doesNotContain("4242424242424242").doesNotContain("\"123\"");
    // The fingerprint is not a hash of a body with the card in it either.
    assertThat(stored).doesNotContain(sha256OfTheWholeBody(intent, body));
  }

  private static String sha256OfTheWholeBody(Api.Intent intent, Map<String, Object> body)
      throws Exception {
    String text =
        "POST /v1/payments/intent/"
            + intent.id()
            + "/confirm\n"
            + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    return HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
