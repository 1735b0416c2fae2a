package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refunds against billing's read model of payments: full, partial, repeated, over the limit, of a
 * payment in the wrong state or of another tenant, and their settlement by checkout's events.
 */
@QuarkusTest
class RefundsTest {

  private static JsonPath refund(String m, Map<String, ?> body) {
    return Api.asTest(m).body(body).post("/v1/refunds").then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath awaitRefund(String m, String id, String status) {
    return Subscriptions.awaitStateOf(
        () -> Api.asTest(m).get("/v1/refunds/" + id).then().statusCode(200).extract().jsonPath(),
        r -> status.equals(r.getString("status")));
  }

  @Test
  void aFullRefundReservesEverythingAndSettlesWhenCheckoutSucceeds() {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 10_000);
    try (BillingTopic topic = new BillingTopic()) {
      JsonPath r = refund(m, Map.of("payment_id", payment));
      String id = r.getString("id");
      assertThat(id).matches("re_[A-Za-z0-9_-]{22}");
      assertThat(r.getString("object")).isEqualTo("refund");
      assertThat(r.getString("payment_id")).isEqualTo(payment);
      assertThat(r.getLong("amount")).isEqualTo(10_000);
      assertThat(r.getString("currency")).isEqualTo("USD");
      assertThat(r.getString("status")).isEqualTo("pending");
      assertThat(r.getString("reason")).isNull();
      assertThat(r.getBoolean("livemode")).isFalse();
      JsonNode created = topic.await("refund.created", id);
      assertThat(created.path("refund_id").asText()).isEqualTo(id);
      assertThat(created.path("payment_id").asText()).isEqualTo(payment);
      assertThat(created.path("amount").asLong()).isEqualTo(10_000);
      assertThat(created.path("currency").asText()).isEqualTo("USD");

      Api.asTest(m)
          .body(Map.of("payment_id", payment, "amount", 1))
          .post("/v1/refunds")
          .then()
          .statusCode(409)
          .body("code", is(409))
          .body("type", is("danger"))
          .body("content", containsString("pending"));

      Upstream.refundOutcome(m, false, id, payment, 10_000, true);
      awaitRefund(m, id, "succeeded");
      JsonNode updated =
          topic.await("refund.updated", id, d -> "succeeded".equals(d.path("status").asText()));
      assertThat(updated.path("amount").asLong()).isEqualTo(10_000);
      assertThat(
              Db.count(
                  "select refunds_succeeded from payment_record where id = ? and refunds_pending = 0",
                  payment))
          .isEqualTo(10_000);

      // payments-service reports the refund too; nothing is left either way.
      Upstream.payment(m, false, "payment.refunded", payment, 10_000, "refunded", 10_000L);
      Upstream.awaitRow(
          "select count(*) from payment_record where id = ? and status = 'refunded'", payment);
      Api.asTest(m)
          .body(Map.of("payment_id", payment))
          .post("/v1/refunds")
          .then()
          .statusCode(409)
          .body("content", containsString("already been fully refunded"));
    }
  }

  @Test
  void partialRefundsAddUpToTheCapturedAmountAndNeverPastIt() {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 10_000);
    JsonPath first =
        refund(m, Map.of("payment_id", payment, "amount", 3000, "reason", "requested_by_customer"));
    assertThat(first.getString("reason")).isEqualTo("requested_by_customer");
    refund(m, Map.of("payment_id", payment, "amount", 3000, "reason", "duplicate"));
    Api.asTest(m)
        .body(Map.of("payment_id", payment, "amount", 5000))
        .post("/v1/refunds")
        .then()
        .statusCode(400)
        .body("code", is(400))
        .body("content", containsString("5000"))
        .body("content", containsString("4000"));
    JsonPath rest = refund(m, Map.of("payment_id", payment));
    assertThat(rest.getLong("amount")).as("no amount = what remains").isEqualTo(4000);
    Api.asTest(m)
        .get("/v1/refunds?payment_id=" + payment)
        .then()
        .statusCode(200)
        .body("items", hasSize(3))
        .body("items[0].id", is(rest.getString("id")))
        .body("items.amount", contains(4000, 3000, 3000))
        .body("total_items", is(3));
  }

  @Test
  void aFailedRefundReleasesItsReservation() {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 5000);
    String id = refund(m, Map.of("payment_id", payment, "amount", 5000)).getString("id");
    Api.asTest(m)
        .body(Map.of("payment_id", payment, "amount", 100))
        .post("/v1/refunds")
        .then()
        .statusCode(409);
    Upstream.refundOutcome(m, false, id, payment, 5000, false);
    JsonPath failed = awaitRefund(m, id, "failed");
    assertThat(failed.getString("failure_reason")).isEqualTo("processor_unavailable");
    assertThat(refund(m, Map.of("payment_id", payment)).getLong("amount")).isEqualTo(5000);

    // A success for the failed refund changes nothing here: the processor said both, so it goes to
    // the dead-letter topic with that reason, for an operator.
    java.time.Instant from = java.time.Instant.now();
    String late = Upstream.refundOutcome(m, false, id, payment, 5000, true);
    try (TopicReader dlq = new TopicReader("test.billing-checkout.dlq", from)) {
      var letter =
          dlq.await(
              r -> late.equals(TopicReader.header(r, CloudEventHeaders.ID)),
              java.time.Duration.ofSeconds(30));
      assertThat(TopicReader.header(letter, "dlq_error"))
          .contains("is already failed but its success arrived");
    }
    Api.asTest(m).get("/v1/refunds/" + id).then().body("status", is("failed"));
    assertThat(Db.count("select refunds_pending from payment_record where id = ?", payment))
        .isEqualTo(5000);
  }

  @Test
  void aRedeliveredRefundOutcomeSettlesOnce() {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 8000);
    String id = refund(m, Map.of("payment_id", payment, "amount", 2000)).getString("id");
    Upstream.refundOutcome(m, false, id, payment, 2000, true);
    String again = Upstream.refundOutcome(m, false, id, payment, 2000, true);
    Upstream.awaitRow("select count(*) from inbox_event where event_id = ?", again);
    assertThat(Db.count("select refunds_succeeded from payment_record where id = ?", payment))
        .isEqualTo(2000);
    assertThat(refund(m, Map.of("payment_id", payment)).getLong("amount")).isEqualTo(6000);
  }

  @Test
  void paymentsThatAreNotCompletedCannotBeRefunded() {
    String m = Api.newMerchant();
    String pending = Ids.newId("pay");
    Upstream.payment(m, false, "payment.created", pending, 1000, "pending", null);
    String failed = Ids.newId("pay");
    Upstream.payment(m, false, "payment.failed", failed, 1000, "failed", null);
    Upstream.awaitRow("select count(*) from payment_record where id = ?", pending);
    Upstream.awaitRow("select count(*) from payment_record where id = ?", failed);
    for (String p : new String[] {pending, failed}) {
      Api.asTest(m)
          .body(Map.of("payment_id", p))
          .post("/v1/refunds")
          .then()
          .statusCode(409)
          .body("content", containsString("only completed"));
    }
    assertThat(Db.count("select count(*) from refund where payment_id in (?, ?)", pending, failed))
        .isZero();
  }

  @Test
  void unknownAndOtherTenantsPaymentsAre404NamingPaymentId() {
    String m = Api.newMerchant();
    String other = Api.newMerchant();
    String othersPayment = Upstream.completedPayment(other, false, 1000);
    String livePayment = Upstream.completedPayment(m, true, 1000);
    for (String p : new String[] {Ids.newId("pay"), "pay_x", othersPayment, livePayment}) {
      Api.asTest(m)
          .body(Map.of("payment_id", p))
          .post("/v1/refunds")
          .then()
          .statusCode(404)
          .body("code", is(404))
          .body("content", containsString("payment_id"));
    }
    // The live payment is refundable with a live key, and that refund is invisible in test mode.
    String liveRefund =
        Api.asLive(m)
            .body(Map.of("payment_id", livePayment))
            .post("/v1/refunds")
            .then()
            .statusCode(200)
            .body("livemode", is(true))
            .extract()
            .path("id");
    Api.asTest(m).get("/v1/refunds/" + liveRefund).then().statusCode(404);
    Api.asTest(other).get("/v1/refunds/" + liveRefund).then().statusCode(404);
    Api.asLive(m)
        .get("/v1/refunds/" + liveRefund)
        .then()
        .statusCode(200)
        .body("reason", nullValue());
    Api.asTest(m)
        .get("/v1/refunds/re_nope")
        .then()
        .statusCode(404)
        .body("title", is("Refund not found"));
  }

  @Test
  void badRefundBodiesAndQueriesAre422NamingTheField() {
    String m = Api.newMerchant();
    Api.asTest(m)
        .body("{}")
        .post("/v1/refunds")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "payment_id"))
        .body("detail[0].type", is("value_error.missing"));
    for (Object amount : new Object[] {"100", 0, -5, 10.5, 10_000_000_000_001L}) {
      Api.asTest(m)
          .body(Map.of("payment_id", "pay_x", "amount", amount))
          .post("/v1/refunds")
          .then()
          .statusCode(422)
          .body("detail", hasSize(1))
          .body("detail[0].loc", contains("body", "amount"));
    }
    Api.asTest(m)
        .body(Map.of("payment_id", "pay_x", "reason", "because"))
        .post("/v1/refunds")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "reason"))
        .body("detail[0].msg", containsString("requested_by_customer"));
    Api.asTest(m)
        .body("{\"payment_id\": 42}")
        .post("/v1/refunds")
        .then()
        .statusCode(422)
        .body("detail[0].type", is("type_error"));
    Api.asTest(m)
        .get("/v1/refunds?payment_id=xyz&limit=101")
        .then()
        .statusCode(422)
        .body("detail", hasSize(2));
  }
}
