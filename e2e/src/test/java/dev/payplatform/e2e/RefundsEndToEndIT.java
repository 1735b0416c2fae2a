package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A completed payment refunded in part, then in full, through the edge and across the topics. */
class RefundsEndToEndIT {

  @Test
  void partialThenFullRefundMovesThePaymentAndSettlesTheRefunds() {
    Platform.Merchant m = Platform.newMerchant("Refund Store");
    try (OpsConsumer ops = new OpsConsumer()) {
      String session = Cards.session(m, "49.99", "https://example.com/done");
      var confirmed = Cards.payThroughApi(session, Cards.VISA);
      confirmed.then().statusCode(200);
      String paymentId = findPaymentOfSession(m, session);
      await().atMost(Duration.ofSeconds(30)).until(() -> status(m, paymentId).equals("completed"));

      // The refund read model in billing learns of the payment from payments.events.
      String partial =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      given()
                          .header("X-Api-Key", m.skTest())
                          .contentType("application/json")
                          .body(
                              Map.of(
                                  "payment_id",
                                  paymentId,
                                  "amount",
                                  1000,
                                  "reason",
                                  "requested_by_customer"))
                          .post(url("/v1/refunds")),
                  r -> r.statusCode() == 200 || r.statusCode() == 201)
              .jsonPath()
              .getString("id");
      assertThat(partial).startsWith("re_");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> status(m, paymentId).equals("partially_refunded"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> refundStatus(m, partial).equals("succeeded"));

      // Without an amount: the whole remaining 39.99.
      String full =
          given()
              .header("X-Api-Key", m.skTest())
              .contentType("application/json")
              .body(Map.of("payment_id", paymentId))
              .post(url("/v1/refunds"))
              .then()
              .extract()
              .jsonPath()
              .getString("id");
      await().atMost(Duration.ofSeconds(30)).until(() -> status(m, paymentId).equals("refunded"));
      await().atMost(Duration.ofSeconds(30)).until(() -> refundStatus(m, full).equals("succeeded"));
      assertThat(
              given()
                  .header("X-Api-Key", m.skTest())
                  .get(url("/v1/refunds/" + full))
                  .jsonPath()
                  .getLong("amount"))
          .isEqualTo(3999);

      // Nothing is left to refund.
      given()
          .header("X-Api-Key", m.skTest())
          .contentType("application/json")
          .body(Map.of("payment_id", paymentId, "amount", 1))
          .post(url("/v1/refunds"))
          .then()
          .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));

      var events =
          ops.awaitEvent(
              e ->
                  e.type().equals("payment.refunded")
                      && paymentId.equals(e.key())
                      && e.data().path("fully_refunded").asBoolean(),
              Duration.ofSeconds(30));
      // This merchant's events only: the platform keeps serving other merchants meanwhile.
      List<OpsConsumer.Event> mine =
          events.stream().filter(e -> m.id().equals(e.merchantId())).toList();
      for (String type : new String[] {"refund.created", "refund.succeeded", "payment.refunded"}) {
        assertThat(mine).as(type).anyMatch(e -> e.type().equals(type));
      }
      mine.stream()
          .filter(e -> e.type().startsWith("refund.") || e.type().equals("payment.refunded"))
          .forEach(OpsConsumer::assertValid);
    }
  }

  static String status(Platform.Merchant m, String paymentId) {
    return given()
        .header("X-Api-Key", m.skTest())
        .get(url("/v1/payments/" + paymentId))
        .then()
        .extract()
        .path("status");
  }

  static String refundStatus(Platform.Merchant m, String refundId) {
    return given()
        .header("X-Api-Key", m.skTest())
        .get(url("/v1/refunds/" + refundId))
        .then()
        .extract()
        .path("status");
  }

  /**
   * The payment a session's charge created (listed for the merchant once payments learns of it).
   */
  static String findPaymentOfSession(Platform.Merchant m, String sessionId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .header("X-Api-Key", m.skTest())
                    .get(url("/v1/payments/"))
                    .then()
                    .extract()
                    .jsonPath()
                    .getString("find { it.status == 'completed' }.id"),
            id -> id != null);
  }
}
