package dev.payplatform.billing;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.function.Predicate;

/** Drives subscriptions through the API as a merchant (and a buyer, via checkout's events). */
final class Subscriptions {
  private Subscriptions() {}

  static JsonPath create(String merchantId, String customerId, String planId) {
    return Api.asTest(merchantId)
        .body(Map.of("customer_id", customerId, "plan_id", planId))
        .post("/v1/subscriptions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath get(String merchantId, String id) {
    return Api.asTest(merchantId)
        .get("/v1/subscriptions/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Polls the API until the subscription matches; returns it. */
  static JsonPath awaitState(String merchantId, String id, Predicate<JsonPath> match) {
    JsonPath[] last = new JsonPath[1];
    await()
        .atMost(Upstream.WAIT)
        .until(
            () -> {
              last[0] = get(merchantId, id);
              return match.test(last[0]);
            });
    return last[0];
  }

  /** Polls {@code read} until its answer matches; returns it. */
  static JsonPath awaitStateOf(
      java.util.function.Supplier<JsonPath> read, Predicate<JsonPath> match) {
    JsonPath[] last = new JsonPath[1];
    await()
        .atMost(Upstream.WAIT)
        .until(
            () -> {
              last[0] = read.get();
              return match.test(last[0]);
            });
    return last[0];
  }

  static JsonPath awaitStatus(String merchantId, String id, String status) {
    return awaitState(merchantId, id, s -> status.equals(s.getString("status")));
  }

  static JsonPath advanceTo(String merchantId, String id, String to) {
    return Api.asTest(merchantId)
        .body(Map.of("to", to))
        .post("/v1/subscriptions/" + id + "/test_clock/advance")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath advanceSeconds(String merchantId, String id, long seconds) {
    return Api.asTest(merchantId)
        .body(Map.of("seconds", seconds))
        .post("/v1/subscriptions/" + id + "/test_clock/advance")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /**
   * A fresh merchant's active subscription: created through the API, its first invoice paid by the
   * buyer on the hosted page (checkout's payment_intent.succeeded with a saved method).
   */
  static Active active(String paymentMethodId) {
    String m = Api.newMerchant();
    String customer = Upstream.customer(m, false);
    String plan = Upstream.plan(m, false, 4999, "month");
    JsonPath created = create(m, customer, plan);
    String id = created.getString("id");
    String invoice = created.getString("latest_invoice.id");
    Upstream.chargeSucceeded(
        m,
        Upstream.invoiceCharge(
            invoice, id, dev.payplatform.commons.ids.Ids.newId("pay"), paymentMethodId, false));
    JsonPath active = awaitStatus(m, id, "active");
    return new Active(m, customer, plan, id, invoice, active);
  }

  record Active(
      String merchantId,
      String customerId,
      String planId,
      String id,
      String firstInvoiceId,
      JsonPath state) {}
}
