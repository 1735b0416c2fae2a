package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The retry a Stripe SDK makes minutes later: a refund whose answer the edge never got (billing
 * held past the edge's 30 s timeout) runs to its end in billing, once; a retry under the same
 * {@code Idempotency-Key} while the edge's lease holds is 409 "still being processed", and after
 * the lease (2 min) billing's own record answers it with the first refund, not a second one.
 */
class RetriedRefundAfterTheEdgesLeaseIT {

  private static Response refund(Platform.Merchant m, String key, Map<String, Object> body) {
    return given()
        .header("X-Api-Key", m.skTest())
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(body)
        .post(url("/v1/refunds"));
  }

  private static List<String> refundsOf(Platform.Merchant m, String paymentId) {
    return given()
        .header("X-Api-Key", m.skTest())
        .get(url("/v1/refunds?payment_id=" + paymentId))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id");
  }

  @Test
  void aRefundHeldPastTheEdgesTimeoutIsMadeOnceAndItsRetryAfterTheLeaseGetsIt() throws Exception {
    Platform.Merchant m = Platform.newMerchant("Retrying Store");
    String paymentId = ConsoleIT.paidPayment(m, "30.00");
    // Billing knows the payment completed once a refund of too much is refused as too much.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .header("X-Api-Key", m.skTest())
                        .contentType("application/json")
                        .body(Map.of("payment_id", paymentId, "amount", 999_999))
                        .post(url("/v1/refunds"))
                        .statusCode()
                    == 400);
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("payment_id", paymentId, "amount", 1200);

    try (ConsoleIT.Paused billing = ConsoleIT.Paused.service("billing-service")) {
      Response unanswered = refund(m, key, body);
      assertThat(unanswered.statusCode()).as("the edge's upstream timeout").isEqualTo(504);
      Thread.sleep(5_000); // held 35 s in all, past the edge's 30 s
    }

    // The refund the edge gave up on is made all the same, once.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(refundsOf(m, paymentId)).hasSize(1));
    String made = refundsOf(m, paymentId).get(0);

    // While the edge's lease holds, the retry is told the first is still being processed.
    Response early = refund(m, key, body);
    assertThat(early.statusCode()).isEqualTo(409);

    // After the lease the retry reaches billing, whose own record gives the first answer.
    Response retry =
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(10))
            .until(() -> refund(m, key, body), r -> r.statusCode() != 409);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.jsonPath().getString("id")).isEqualTo(made);
    assertThat(refundsOf(m, paymentId)).containsExactly(made);
  }
}
