package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions started from a checkout session (POST /v1/payments/subscription in
 * checkout-service): billing creates the same objects from checkout.subscription_requested and
 * activates them from the session charge's outcome, whatever order the two events arrive in.
 */
@QuarkusTest
class SessionSubscriptionsTest {

  private static Map<String, Object> requested(
      String session, String intent, String payment, String customer, String plan) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("session_id", session);
    d.put("payment_intent_id", intent);
    d.put("payment_id", payment);
    d.put("customer_id", customer);
    d.put("plan_id", plan);
    d.put("amount", 4999);
    d.put("currency", "USD");
    return d;
  }

  private static Map<String, Object> sessionCharge(String session, String intent, String payment) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("payment_intent_id", intent);
    d.put("payment_id", payment);
    d.put("purpose", "session");
    d.put("reference", session);
    d.put("session_id", session);
    d.put("invoice_id", null);
    d.put("amount", 4999);
    d.put("currency", "USD");
    d.put("payment_method_id", "pm_from_session");
    d.put("off_session", false);
    return d;
  }

  private static void publishRequested(String m, Map<String, Object> d) {
    TestEvents.publish(
        Upstream.CHECKOUT,
        "checkout.subscription_requested",
        (String) d.get("session_id"),
        m,
        false,
        Upstream.json(d));
  }

  private static void publishSucceeded(String m, Map<String, Object> d) {
    TestEvents.publish(
        Upstream.CHECKOUT,
        "payment_intent.succeeded",
        (String) d.get("payment_intent_id"),
        m,
        false,
        Upstream.json(d));
  }

  private static JsonPath awaitOnly(String m, String customer, String status) {
    JsonPath[] page = new JsonPath[1];
    await()
        .atMost(Upstream.WAIT)
        .until(
            () -> {
              page[0] =
                  Api.asTest(m)
                      .get("/v1/subscriptions?customer_id=" + customer)
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              List<String> statuses = page[0].getList("items.status");
              return statuses.size() == 1 && status.equals(statuses.get(0));
            });
    return page[0];
  }

  @Test
  void aSubscriptionRequestCreatesTheSubscriptionAndTheSessionChargeActivatesIt() {
    String m = Api.newMerchant();
    String customer = Upstream.customer(m, false);
    String plan = Upstream.plan(m, false, 4999, "month");
    String session = Ids.newId("sess");
    String intent = Ids.newId("pi");
    String payment = Ids.newId("pay");
    try (BillingTopic topic = new BillingTopic()) {
      publishRequested(m, requested(session, intent, payment, customer, plan));
      JsonPath incomplete = awaitOnly(m, customer, "incomplete");
      String id = incomplete.getString("items[0].id");
      assertThat(incomplete.getString("items[0].plan_id")).isEqualTo(plan);
      assertThat(incomplete.getString("items[0].latest_invoice.payment_id")).isEqualTo(payment);
      assertThat(incomplete.getString("items[0].latest_invoice.payment_url"))
          .as("paid on the checkout session, not on a billing page")
          .isNull();
      topic.await("subscription.created", id);

      // Redelivered with a new event id (checkout's relay republished): still one subscription.
      publishRequested(m, requested(session, intent, payment, customer, plan));
      publishSucceeded(m, sessionCharge(session, intent, payment));
      JsonPath active = awaitOnly(m, customer, "active");
      assertThat(active.getString("items[0].id")).isEqualTo(id);
      assertThat(active.getString("items[0].default_payment_method")).isEqualTo("pm_from_session");
      assertThat(active.getString("items[0].latest_invoice.status")).isEqualTo("paid");
      topic.await("subscription.activated", id);
    }
  }

  @Test
  void aSessionChargeThatOvertakesItsSubscriptionRequestIsAppliedWhenTheRequestArrives() {
    String m = Api.newMerchant();
    String customer = Upstream.customer(m, false);
    String plan = Upstream.plan(m, false, 4999, "month");
    String session = Ids.newId("sess");
    String intent = Ids.newId("pi");
    String payment = Ids.newId("pay");
    publishSucceeded(m, sessionCharge(session, intent, payment));
    Upstream.awaitRow("select count(*) from checkout_outcome where payment_intent_id = ?", intent);
    publishRequested(m, requested(session, intent, payment, customer, plan));
    JsonPath active = awaitOnly(m, customer, "active");
    assertThat(active.getString("items[0].latest_invoice.payment_id")).isEqualTo(payment);
    assertThat(
            Db.count("select count(*) from checkout_outcome where payment_intent_id = ?", intent))
        .as("the parked outcome is consumed")
        .isZero();
  }

  @Test
  void aRequestForAPlanBillingHasNotSeenYetWaitsForThePlan() {
    String m = Api.newMerchant();
    String customer = Upstream.customer(m, false);
    String plan = Ids.newId("plan");
    String session = Ids.newId("sess");
    publishRequested(m, requested(session, Ids.newId("pi"), Ids.newId("pay"), customer, plan));
    Upstream.awaitRow("select count(*) from subscription_request where session_id = ?", session);
    assertThat(Db.count("select count(*) from subscription where checkout_session_id = ?", session))
        .isZero();

    Upstream.publishPlan(m, false, plan, 4999, "month");
    JsonPath created = awaitOnly(m, customer, "incomplete");
    assertThat(created.getString("items[0].plan_id")).isEqualTo(plan);
    assertThat(Db.count("select count(*) from subscription_request where session_id = ?", session))
        .isZero();
  }
}
