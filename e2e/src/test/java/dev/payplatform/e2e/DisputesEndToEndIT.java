package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Disputes through the edge (docs/disputes.md): a payment made with one of the sandbox's disputing
 * test cards is disputed a few seconds later; the chargeback's amount and fee leave the balance,
 * the merchant's webhook hears it, refunds wait, and the evidence or the deadline decides it. The
 * ledger verifies after each.
 */
class DisputesEndToEndIT {
  static final String DISPUTED_FRAUDULENT = "4000000000000259";
  static final String DISPUTED_NOT_RECEIVED = "4000000000002685";
  static final String INQUIRY = "4000000000001976";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  // 49.99 at 2.9 % + 30 cents: net 4824; the dispute fee is 15.00.
  private static final long NET = 4824;
  private static final long AMOUNT = 4999;
  private static final long FEE = 1500;

  @Test
  void aChargebackWithdrawsAmountAndFeeRefundsWaitAndWinningEvidenceReinstatesTheAmount()
      throws Exception {
    Platform.Merchant m = Platform.newMerchant("Dispute Store");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String secret =
          WebhooksEndToEndIT.endpoint(m.skTest(), receiver.url(), List.of("charge.dispute.*"))
              .getString("secret");
      String paymentId = pay(m, DISPUTED_FRAUDULENT);

      JsonPath dispute = awaitDispute(m, paymentId, "needs_response");
      String id = dispute.getString("id");
      assertThat(dispute.getString("reason")).isEqualTo("fraudulent");
      assertThat(dispute.getLong("amount")).isEqualTo(AMOUNT);
      assertThat(dispute.getList("balance_transactions.type"))
          .containsExactly("dispute", "dispute_fee");
      awaitAvailable(m, NET - AMOUNT - FEE);
      as(m.skTest())
          .get(url("/v1/payments/" + paymentId))
          .then()
          .statusCode(200)
          .body("disputed", equalTo(true))
          .body("dispute_id", equalTo(id));

      WebhookReceiver.Received created = awaitWebhook(receiver, "charge.dispute.created");
      new Webhook(secret).verify(created.body(), created.headers());
      JsonNode body = JSON.readTree(created.body());
      assertThat(body.get("data").get("id").asText()).isEqualTo(id);
      assertThat(body.get("data").get("payment_id").asText()).isEqualTo(paymentId);

      // Billing learns of the dispute from payments.events; from then on a refund is refused.
      await()
          .atMost(WAIT)
          .until(
              () ->
                  FaultTools.psql(
                          "billing",
                          "select dispute_open from payment_record where id = '" + paymentId + "'")
                      .strip()
                      .equals("t"));
      as(m.skTest())
          .body(Map.of("payment_id", paymentId, "amount", 100))
          .post(url("/v1/refunds"))
          .then()
          .statusCode(409)
          .body("code", equalTo(409));

      as(m.skTest())
          .body(
              Map.of(
                  "evidence",
                  Map.of(
                      "product_description", "Monthly plan",
                      "uncategorized_text", "winning_evidence"),
                  "submit",
                  true))
          .post(url("/v1/disputes/" + id))
          .then()
          .statusCode(200)
          .body("status", equalTo("under_review"));
      awaitDispute(m, paymentId, "won");
      // The amount is back; the fee is kept.
      awaitAvailable(m, NET - FEE);
      awaitWebhook(receiver, "charge.dispute.funds_reinstated");
      awaitWebhook(receiver, "charge.dispute.closed");
    }
    assertLedgerVerifies();
  }

  @Test
  void anInquiryClosesWithoutMovingMoney() {
    Platform.Merchant m = Platform.newMerchant("Inquiry Store");
    String paymentId = pay(m, INQUIRY);
    JsonPath inquiry = awaitDispute(m, paymentId, "warning_needs_response");
    assertThat(inquiry.getBoolean("is_inquiry")).isTrue();
    assertThat(inquiry.getList("balance_transactions")).isEmpty();
    as(m.skTest())
        .body(
            Map.of("evidence", Map.of("uncategorized_text", "The buyer knows us."), "submit", true))
        .post(url("/v1/disputes/" + inquiry.getString("id")))
        .then()
        .statusCode(200)
        .body("status", equalTo("warning_under_review"));
    awaitDispute(m, paymentId, "warning_closed");
    awaitAvailable(m, NET);
    assertLedgerVerifies();
  }

  @Test
  void aDisputeUnansweredPastItsDeadlineIsLostAndAnotherMerchantCannotSeeIt() {
    Platform.Merchant m = Platform.newMerchant("Deadline Store");
    String paymentId = pay(m, DISPUTED_NOT_RECEIVED);
    String id = awaitDispute(m, paymentId, "needs_response").getString("id");
    assertThat(awaitDispute(m, paymentId, "needs_response").getString("reason"))
        .isEqualTo("product_not_received");

    Platform.Merchant other = Platform.newMerchant("Deadline Other");
    as(other.skTest()).get(url("/v1/disputes/" + id)).then().statusCode(404);
    as(other.skTest()).post(url("/v1/disputes/" + id + "/close")).then().statusCode(404);
    as(m.skLive()).get(url("/v1/disputes/" + id)).then().statusCode(404);

    // The seven days to answer pass (the deadline moved into the past stands in for them).
    FaultTools.psql(
        "payments",
        "update dispute set evidence_due_by = now() - interval '1 second' where id = '" + id + "'");
    awaitDispute(m, paymentId, "lost");
    awaitAvailable(m, NET - AMOUNT - FEE);
    as(m.skTest())
        .body(Map.of("evidence", Map.of("uncategorized_text", "winning_evidence"), "submit", true))
        .post(url("/v1/disputes/" + id))
        .then()
        .statusCode(409);
    assertLedgerVerifies();
  }

  static RequestSpecification as(String key) {
    return given().header("X-Api-Key", key).contentType("application/json");
  }

  /** Pays a 49.99 USD session with {@code card} through the API; answers the payment's id. */
  static String pay(Platform.Merchant m, String card) {
    String session = Cards.session(m, "49.99", "https://example.com/done");
    Cards.payThroughApi(session, card).then().statusCode(200);
    return RefundsEndToEndIT.findPaymentOfSession(m, session);
  }

  static JsonPath awaitDispute(Platform.Merchant m, String paymentId, String status) {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                as(m.skTest())
                    .queryParam("payment_id", paymentId)
                    .get(url("/v1/disputes"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            page -> status.equals(page.getString("items[0].status")))
        .setRootPath("items[0]");
  }

  static void awaitAvailable(Platform.Merchant m, long amount) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                as(m.skTest())
                    .get(url("/v1/balance"))
                    .then()
                    .statusCode(200)
                    .body("available[0].amount", equalTo((int) amount)));
  }

  static WebhookReceiver.Received awaitWebhook(WebhookReceiver receiver, String type) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                receiver.received().stream()
                    .filter(r -> r.body().contains("\"type\":\"" + type + "\""))
                    .findFirst()
                    .orElse(null),
            r -> r != null);
  }

  static void assertLedgerVerifies() {
    try {
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
    } catch (Exception e) {
      throw new AssertionError("ledger verify did not run", e);
    }
  }
}
