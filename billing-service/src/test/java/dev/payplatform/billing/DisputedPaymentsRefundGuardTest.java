package dev.payplatform.billing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The refund guard (docs/disputes.md): no refund of a payment while its dispute is open, and after
 * a lost dispute never the part the cardholder already got back.
 */
@QuarkusTest
class DisputedPaymentsRefundGuardTest {

  @Test
  void aRefundOfAPaymentWithAnOpenDisputeIs409() {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 10_000);
    String dispute = dispute(m, payment, 10_000, "charge.dispute.created", "needs_response");
    Upstream.awaitRow("select count(*) from payment_record where id = ? and dispute_open", payment);
    Api.asTest(m)
        .body(Map.of("payment_id", payment, "amount", 100))
        .post("/v1/refunds")
        .then()
        .statusCode(409)
        .body("code", is(409))
        .body("content", containsString(dispute));

    // Won: the payment is the merchant's again, and refundable in full.
    dispute(m, payment, 10_000, dispute, "charge.dispute.closed", "won");
    Upstream.awaitRow(
        "select count(*) from payment_record where id = ? and not dispute_open", payment);
    Api.asTest(m)
        .body(Map.of("payment_id", payment))
        .post("/v1/refunds")
        .then()
        .statusCode(200)
        .body("amount", is(10_000));
  }

  @Test
  void afterALostDisputeOnlyTheUndisputedPartCanBeRefunded() {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 10_000);
    String dispute = dispute(m, payment, 6_000, "charge.dispute.created", "under_review");
    dispute(m, payment, 6_000, dispute, "charge.dispute.closed", "lost");
    Upstream.awaitRow(
        "select count(*) from payment_record where id = ? and dispute_lost_amount = 6000"
            + " and not dispute_open",
        payment);
    Api.asTest(m)
        .body(Map.of("payment_id", payment, "amount", 4_001))
        .post("/v1/refunds")
        .then()
        .statusCode(400);
    Api.asTest(m)
        .body(Map.of("payment_id", payment))
        .post("/v1/refunds")
        .then()
        .statusCode(200)
        .body("amount", is(4_000));
  }

  private static String dispute(
      String merchant, String payment, long amount, String type, String status) {
    return dispute(merchant, payment, amount, Ids.newId("dp"), type, status);
  }

  private static String dispute(
      String merchant, String payment, long amount, String id, String type, String status) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("object", "dispute");
    d.put("payment_id", payment);
    d.put("amount", amount);
    d.put("currency", "USD");
    d.put("reason", "fraudulent");
    d.put("status", status);
    TestEvents.publish(Upstream.PAYMENTS, type, payment, merchant, false, Upstream.json(d));
    return id;
  }
}
