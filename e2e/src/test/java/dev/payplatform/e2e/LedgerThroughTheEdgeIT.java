package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A paid and partly refunded payment shows in the merchant's balance and balance transactions
 * through the edge; another merchant cannot see them; and the operator's ledger check passes.
 */
class LedgerThroughTheEdgeIT {

  @Test
  void aPaymentAndItsRefundAreInTheBalanceAndTheLedgerVerifies() throws Exception {
    Platform.Merchant m = Platform.newMerchant("Ledger Store");
    String session = Cards.session(m, "49.99", "https://example.com/done");
    Cards.payThroughApi(session, Cards.VISA).then().statusCode(200);
    String paymentId = RefundsEndToEndIT.findPaymentOfSession(m, session);

    // 49.99 at 2.9 % + 30 cents: fee 175, net 4824; test mode is available at once.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("X-Api-Key", m.skTest())
                    .get(url("/v1/balance"))
                    .then()
                    .statusCode(200)
                    .body("available[0].amount", equalTo(4824))
                    .body("available[0].currency", equalTo("USD")));
    JsonPath charge =
        given()
            .header("X-Api-Key", m.skTest())
            .queryParam("source", paymentId)
            .get(url("/v1/balance_transactions"))
            .then()
            .statusCode(200)
            .body("total_items", equalTo(1))
            .extract()
            .jsonPath();
    assertThat(charge.getString("items[0].type")).isEqualTo("charge");
    assertThat(charge.getLong("items[0].amount")).isEqualTo(4999);
    assertThat(charge.getLong("items[0].fee")).isEqualTo(175);
    assertThat(charge.getLong("items[0].net")).isEqualTo(4824);
    assertThat(charge.getString("items[0].status")).isEqualTo("available");
    String txn = charge.getString("items[0].id");

    // The refund read model in billing learns of the payment from payments.events.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .header("X-Api-Key", m.skTest())
                    .contentType("application/json")
                    .body(Map.of("payment_id", paymentId, "amount", 1000))
                    .post(url("/v1/refunds"))
                    .statusCode(),
            status -> status == 200 || status == 201);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("X-Api-Key", m.skTest())
                    .get(url("/v1/balance"))
                    .then()
                    .body("available[0].amount", equalTo(3824)));
    given()
        .header("X-Api-Key", m.skTest())
        .queryParam("type", "refund")
        .get(url("/v1/balance_transactions"))
        .then()
        .statusCode(200)
        .body("items[0].amount", equalTo(-1000))
        .body("items[0].net", equalTo(-1000));

    Platform.Merchant other = Platform.newMerchant("Ledger Other");
    given()
        .header("X-Api-Key", other.skTest())
        .get(url("/v1/balance_transactions/" + txn))
        .then()
        .statusCode(404);
    given()
        .header("X-Api-Key", m.skLive())
        .get(url("/v1/balance_transactions/" + txn))
        .then()
        .statusCode(404);
    given()
        .header("X-Api-Key", other.skTest())
        .get(url("/v1/balance"))
        .then()
        .statusCode(200)
        .body("available.size()", equalTo(0));

    Process verify =
        new ProcessBuilder(
                "bash",
                Platform.ROOT.resolve("deploy/local/platform").toString(),
                "ledger",
                "verify")
            .redirectErrorStream(true)
            .start();
    String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(verify.exitValue()).as(out).isZero();
    assertThat(out).contains("verified");
  }
}
