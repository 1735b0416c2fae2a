package dev.payplatform.events;

import dev.payplatform.commons.testing.TestApi;
import dev.payplatform.commons.testing.TestEvents;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Steps the webhook tests share: endpoints through the API, events onto the test topics. */
final class Hooks {
  static final String PAYMENTS = "test.payments.events";

  private Hooks() {}

  /** Creates an endpoint; answers the whole answer (with its secret). */
  static JsonPath endpoint(String merchant, String mode, String url, List<String> events) {
    return TestApi.as(merchant, mode)
        .body(Map.of("url", url, "enabled_events", events, "description", "test receiver"))
        .post("/v1/webhook_endpoints")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A payment event of {@code merchant} about {@code paymentId}, as payments-service sends it. */
  static String paymentEvent(String merchant, boolean live, String type, String paymentId) {
    return TestEvents.publish(
        PAYMENTS,
        type,
        paymentId,
        merchant,
        live,
        "{\"id\":\""
            + paymentId
            + "\",\"amount\":4999,\"currency\":\"USD\",\"status\":\"succeeded\","
            + "\"payment_intent_id\":\"pi_0123456789abcdefghij\"}");
  }

  private static volatile boolean caughtUp;

  /**
   * Waits until the service has read the test topics up to now: a marker on each, all in the log.
   * On a used machine the topics hold every earlier run's events, and the first read of them takes
   * a while; a test that waited for its own event with a short limit would fail behind them.
   */
  static synchronized void awaitCaughtUp() {
    if (caughtUp) {
      return;
    }
    String merchant = TestApi.newMerchant();
    List<String> markers = new java.util.ArrayList<>();
    for (String topic :
        List.of(
            "test.payments.events",
            "test.checkout.events",
            "test.catalog.events",
            "test.billing.events")) {
      markers.add(TestEvents.publish(topic, "product.created", paymentId(), merchant, false, "{}"));
    }
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofMinutes(10))
        .pollInterval(java.time.Duration.ofSeconds(1))
        .until(
            () ->
                dev.payplatform.commons.testing.TestDb.forService("events")
                        .count(
                            "select count(*) from event where id in (?, ?, ?, ?)",
                            markers.toArray())
                    == markers.size());
    caughtUp = true;
  }

  static String paymentId() {
    return "pay_" + java.util.UUID.randomUUID().toString().replace("-", "");
  }
}
