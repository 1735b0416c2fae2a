package dev.payplatform.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.testing.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Disputes (docs/disputes.md) through the real broker and API: the processor reports one
 * (processor.dispute_opened on checkout.events), the chargeback's amount and fee leave available,
 * the merchant answers, the sandbox decides, and the ledger still verifies.
 */
@QuarkusTest
class DisputesTest {
  private static final long FEE = 1500;

  @Test
  void aChargebackWithdrawsAmountAndFeeAndWinningEvidenceReinstatesTheAmount() {
    String merchant = Api.newMerchant();
    Paid paid = pay(merchant, 4999);
    long before = Api.availableUsd(merchant);

    reportDispute(merchant, paid, "fraudulent", false);
    JsonPath opened = awaitDispute(merchant, paid.paymentId(), "needs_response");
    String id = opened.getString("id");
    assertThat(id).startsWith("dp_");
    assertThat(opened.getLong("amount")).isEqualTo(4999);
    assertThat(opened.getString("currency")).isEqualTo("USD");
    assertThat(opened.getString("reason")).isEqualTo("fraudulent");
    assertThat(opened.getBoolean("is_inquiry")).isFalse();
    assertThat(opened.getBoolean("is_charge_refundable")).isFalse();
    assertThat(opened.getBoolean("evidence_details.has_evidence")).isFalse();
    assertThat(opened.getInt("evidence_details.submission_count")).isZero();
    assertThat(Instant.parse(opened.getString("evidence_details.due_by")))
        .isAfter(Instant.now().plus(Duration.ofDays(6)));
    List<Map<String, Object>> moved = opened.getList("balance_transactions");
    assertThat(moved)
        .extracting(t -> t.get("type") + " " + t.get("amount") + " " + t.get("fee"))
        .containsExactly("dispute -4999 0", "dispute_fee 0 " + FEE);
    assertThat(Api.availableUsd(merchant)).isEqualTo(before - 4999 - FEE);
    assertThat(Api.getPayment(merchant, "test", paid.paymentId()).getBoolean("disputed")).isTrue();
    assertThat(Api.getPayment(merchant, "test", paid.paymentId()).getString("dispute_id"))
        .isEqualTo(id);
    assertSchema(
        "charge.dispute.created",
        PaymentLifecycleTest.awaitEvent(paid.paymentId(), "charge.dispute.created"));
    assertSchema(
        "charge.dispute.funds_withdrawn",
        PaymentLifecycleTest.awaitEvent(paid.paymentId(), "charge.dispute.funds_withdrawn"));

    // Saved, not submitted: still awaiting a response.
    Api.as(merchant, "test")
        .body(
            Map.of(
                "evidence",
                Map.of("product_description", "A monthly plan", "customer_name", "Ann")))
        .post("/v1/disputes/" + id)
        .then()
        .statusCode(200)
        .body("status", is("needs_response"))
        .body("evidence.product_description", is("A monthly plan"))
        .body("evidence_details.has_evidence", is(true));
    Api.as(merchant, "test")
        .body(Map.of("evidence", Map.of("uncategorized_text", "winning_evidence"), "submit", true))
        .post("/v1/disputes/" + id)
        .then()
        .statusCode(200)
        .body("status", is("under_review"))
        .body("evidence.customer_name", is("Ann"))
        .body("evidence_details.submission_count", is(1));
    // Read-only once submitted.
    Api.as(merchant, "test")
        .body(Map.of("evidence", Map.of("uncategorized_text", "more")))
        .post("/v1/disputes/" + id)
        .then()
        .statusCode(409);

    JsonPath won = awaitDispute(merchant, paid.paymentId(), "won");
    assertThat(won.getList("balance_transactions"))
        .extracting(t -> ((Map<?, ?>) t).get("type") + " " + ((Map<?, ?>) t).get("net"))
        .containsExactly("dispute -4999", "dispute_fee -" + FEE, "dispute_reversal 4999");
    // The amount is back; the fee is kept.
    assertThat(Api.availableUsd(merchant)).isEqualTo(before - FEE);
    assertSchema(
        "charge.dispute.funds_reinstated",
        PaymentLifecycleTest.awaitEvent(paid.paymentId(), "charge.dispute.funds_reinstated"));
    JsonNode closed = PaymentLifecycleTest.awaitEvent(paid.paymentId(), "charge.dispute.closed");
    assertSchema("charge.dispute.closed", closed);
    assertThat(closed.get("status").asText()).isEqualTo("won");
    Api.assertLedgerVerifies();
  }

  @Test
  void losingEvidenceLosesAndTheMoneyStaysWithdrawn() {
    String merchant = Api.newMerchant();
    Paid paid = pay(merchant, 2000);
    long before = Api.availableUsd(merchant);
    reportDispute(merchant, paid, "product_not_received", false);
    String id = awaitDispute(merchant, paid.paymentId(), "needs_response").getString("id");
    submit(merchant, id, "losing_evidence").then().statusCode(200);
    awaitDispute(merchant, paid.paymentId(), "lost");
    assertThat(Api.availableUsd(merchant)).isEqualTo(before - 2000 - FEE);
    Api.assertLedgerVerifies();
  }

  @Test
  void anInquiryMovesNoMoneyAndClosesOnceAnswered() {
    String merchant = Api.newMerchant();
    Paid paid = pay(merchant, 3000);
    long before = Api.availableUsd(merchant);
    reportDispute(merchant, paid, "general", true);
    JsonPath inquiry = awaitDispute(merchant, paid.paymentId(), "warning_needs_response");
    assertThat(inquiry.getBoolean("is_inquiry")).isTrue();
    assertThat(inquiry.getList("balance_transactions")).isEmpty();
    assertThat(inquiry.getLong("fee")).isZero();
    submit(merchant, inquiry.getString("id"), "The buyer recognised the charge.")
        .then()
        .statusCode(200)
        .body("status", is("warning_under_review"));
    awaitDispute(merchant, paid.paymentId(), "warning_closed");
    assertThat(Api.availableUsd(merchant)).isEqualTo(before);
  }

  @Test
  void acceptingAChargebackLosesItAndClosingAgainAnswersItAsItIs() {
    String merchant = Api.newMerchant();
    Paid paid = pay(merchant, 1000);
    reportDispute(merchant, paid, "fraudulent", false);
    String id = awaitDispute(merchant, paid.paymentId(), "needs_response").getString("id");
    Api.as(merchant, "test")
        .post("/v1/disputes/" + id + "/close")
        .then()
        .statusCode(200)
        .body("status", is("lost"))
        .body("is_charge_refundable", is(true));
    Api.as(merchant, "test")
        .post("/v1/disputes/" + id + "/close")
        .then()
        .statusCode(200)
        .body("status", is("lost"));
    submit(merchant, id, "winning_evidence").then().statusCode(409);
  }

  @Test
  void aDisputeUnderReviewCannotBeAccepted() {
    String merchant = Api.newMerchant();
    Paid paid = pay(merchant, 1000);
    reportDispute(merchant, paid, "fraudulent", false);
    String id = awaitDispute(merchant, paid.paymentId(), "needs_response").getString("id");
    // Neither test phrase: the sandbox leaves it under review.
    submit(merchant, id, "Our records show delivery.").then().statusCode(200);
    Api.as(merchant, "test").post("/v1/disputes/" + id + "/close").then().statusCode(409);
  }

  @Test
  void aDisputeUnansweredPastItsDeadlineIsLost() {
    String merchant = Api.newMerchant();
    Paid paid = pay(merchant, 1500);
    reportDispute(merchant, paid, "fraudulent", false);
    String id = awaitDispute(merchant, paid.paymentId(), "needs_response").getString("id");
    // Its seven days pass.
    Db.update("update dispute set evidence_due_by = now() - interval '1 second' where id = ?", id);
    JsonPath lost = awaitDispute(merchant, paid.paymentId(), "lost");
    assertThat(lost.getBoolean("evidence_details.past_due")).isFalse();
    submit(merchant, id, "winning_evidence").then().statusCode(409);
    Api.assertLedgerVerifies();
  }

  @Test
  void aCaseReportedTwiceOpensOneDisputeAndOtherMerchantsSeeNone() {
    String merchant = Api.newMerchant();
    Paid paid = pay(merchant, 2500);
    ObjectNode report = report(paid, "fraudulent", false);
    report.put("amount", paid.amount());
    report.put("currency", "USD");
    Api.publishKeyed(null, "processor.dispute_opened", paid.intentId(), merchant, false, report);
    Api.publishKeyed(null, "processor.dispute_opened", paid.intentId(), merchant, false, report);
    String id = awaitDispute(merchant, paid.paymentId(), "needs_response").getString("id");
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Db.count("select count(*) from dispute where payment_id = ?", paid.paymentId())
                    == 1);
    assertThat(
            Db.count("select count(*) from ledger_entry where source = ? and type = 'dispute'", id))
        .isOne();

    String other = Api.newMerchant();
    Api.as(other, "test").get("/v1/disputes/" + id).then().statusCode(404);
    Api.as(merchant, "live").get("/v1/disputes/" + id).then().statusCode(404);
    Api.as(other, "test").post("/v1/disputes/" + id + "/close").then().statusCode(404);
    Api.as(other, "test").get("/v1/disputes").then().statusCode(200).body("total_items", is(0));
    Api.as(merchant, "test")
        .get("/v1/disputes?status=needs_response&payment_id=" + paid.paymentId())
        .then()
        .statusCode(200)
        .body("total_items", is(1))
        .body("items[0].id", is(id));
    Api.as(merchant, "test").get("/v1/disputes?status=open").then().statusCode(422);
  }

  @Test
  void aLiveDisputeWaitsForTheAcquirersDecisionWhichAnOperatorRecords() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "live", "30.00", "USD");
    ObjectNode success = Api.succeeded(id, 3000, "USD");
    Api.publishCheckout("payment_intent.succeeded", merchant, true, success);
    Api.awaitStatus(merchant, "live", id, "completed");
    Paid paid = new Paid(id, success.get("payment_intent_id").asText(), 3000);
    ObjectNode report = report(paid, "fraudulent", false);
    report.put("amount", 3000);
    report.put("currency", "USD");
    report.put("network_reason_code", "10.4");
    Api.publishKeyed(null, "processor.dispute_opened", paid.intentId(), merchant, true, report);
    await()
        .atMost(Api.EVENTUALLY)
        .until(() -> Db.count("select count(*) from dispute where payment_id = ?", id) == 1);
    String disputeId =
        Api.as(merchant, "live")
            .get("/v1/disputes?payment_id=" + id)
            .then()
            .statusCode(200)
            .body("items[0].network_reason_code", is("10.4"))
            .body("items[0].livemode", is(true))
            .extract()
            .path("items[0].id");
    Api.as(merchant, "live")
        .body(Map.of("evidence", Map.of("uncategorized_text", "winning_evidence"), "submit", true))
        .post("/v1/disputes/" + disputeId)
        .then()
        .statusCode(200)
        .body("status", is("under_review"));
    // The sandbox never decides a live dispute: the acquirer does.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .until(
            () ->
                "under_review"
                    .equals(
                        Api.as(merchant, "live")
                            .get("/v1/disputes/" + disputeId)
                            .then()
                            .extract()
                            .path("status")));
    given()
        .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
        .contentType("application/json")
        .body(Map.of("outcome", "won"))
        .post("/admin/disputes/" + disputeId + "/outcome")
        .then()
        .statusCode(200)
        .body("status", is("won"));
    given()
        .contentType("application/json")
        .body(Map.of("outcome", "lost"))
        .post("/admin/disputes/" + disputeId + "/outcome")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
        .contentType("application/json")
        .body(Map.of("outcome", "lost"))
        .post("/admin/disputes/" + disputeId + "/outcome")
        .then()
        .statusCode(409);
    assertThat(
            Db.count(
                "select count(*) from ledger_entry where source = ? and type = 'dispute_reversal'",
                disputeId))
        .isOne();
    Api.assertLedgerVerifies();
  }

  record Paid(String paymentId, String intentId, long amount) {}

  private static Paid pay(String merchant, long amount) {
    String id = Api.createPayment(merchant, "test", amountText(amount), "USD");
    ObjectNode success = Api.succeeded(id, amount, "USD");
    Api.publishCheckout("payment_intent.succeeded", merchant, false, success);
    Api.awaitStatus(merchant, "test", id, "completed");
    return new Paid(id, success.get("payment_intent_id").asText(), amount);
  }

  private static String amountText(long minor) {
    return String.format("%d.%02d", minor / 100, minor % 100);
  }

  private static ObjectNode report(Paid paid, String reason, boolean inquiry) {
    ObjectNode n = Api.JSON.createObjectNode();
    n.put("payment_intent_id", paid.intentId());
    n.put("payment_id", paid.paymentId());
    n.put("charge_ref", "ch_" + UUID.randomUUID().toString().replace("-", ""));
    n.put("processor_reference", "case_" + UUID.randomUUID().toString().replace("-", ""));
    n.putNull("network_reason_code");
    n.put("reason", reason);
    n.put("inquiry", inquiry);
    n.put("opened_at", Instant.now().toString());
    return n;
  }

  private static void reportDispute(String merchant, Paid paid, String reason, boolean inquiry) {
    ObjectNode n = report(paid, reason, inquiry);
    n.put("amount", paid.amount());
    n.put("currency", "USD");
    assertThat(EventSchemas.violations("checkout", "processor.dispute_opened", n)).isEmpty();
    Api.publishKeyed(null, "processor.dispute_opened", paid.intentId(), merchant, false, n);
  }

  private static io.restassured.response.Response submit(String merchant, String id, String text) {
    return Api.as(merchant, "test")
        .body(Map.of("evidence", Map.of("uncategorized_text", text), "submit", true))
        .post("/v1/disputes/" + id);
  }

  private static JsonPath awaitDispute(String merchant, String paymentId, String status) {
    await()
        .atMost(Api.EVENTUALLY)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                status.equals(
                    Api.as(merchant, "test")
                        .get("/v1/disputes?payment_id=" + paymentId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items[0].status")));
    String id =
        Api.as(merchant, "test")
            .get("/v1/disputes?payment_id=" + paymentId)
            .then()
            .extract()
            .path("items[0].id");
    return Api.as(merchant, "test")
        .get("/v1/disputes/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void assertSchema(String type, JsonNode data) {
    assertThat(EventSchemas.violations("payments", type, data)).as(type + " " + data).isEmpty();
  }
}
