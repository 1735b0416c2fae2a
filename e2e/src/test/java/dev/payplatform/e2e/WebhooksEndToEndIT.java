package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A merchant is told about its payments: a payment paid in a real browser reaches the merchant's
 * receiver as a signed {@code payment.succeeded}, verified with the Standard Webhooks library; the
 * log and its deliveries are read through the edge, and tenancy holds there too.
 */
@Order(20)
class WebhooksEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static Browser browser;

  @BeforeAll
  static void start() {
    Platform.env();
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  private static RequestSpecification as(String key) {
    return given().header("X-Api-Key", key).contentType("application/json");
  }

  static JsonPath endpoint(String key, String receiverUrl, List<String> events) {
    return as(key)
        .body(Map.of("url", receiverUrl, "enabled_events", events))
        .post(url("/v1/webhook_endpoints"))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aPaymentPaidInTheBrowserReachesTheMerchantsReceiverSignedAndInOrder() throws Exception {
    Platform.Merchant m = Platform.newMerchant("Webhook Store");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String secret =
          endpoint(m.skTest(), receiver.url(), List.of("payment.*")).getString("secret");
      JsonPath created =
          as(m.skTest())
              .body(
                  Map.of(
                      "amount", "49.99",
                      "description", "Monthly plan",
                      "currency", "USD",
                      "items", List.of("Monthly Subscription"),
                      "return_url", "https://example.com/thank-you"))
              .post(url("/v1/payments/"))
              .then()
              .statusCode(202)
              .extract()
              .jsonPath();
      String paymentId = created.getString("data.id_payment");
      browser.open(created.getString("data.redirect"));
      browser.payWith(Cards.VISA);

      WebhookReceiver.Received succeeded =
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      receiver.received().stream()
                          .filter(r -> r.body().contains("\"type\":\"payment.succeeded\""))
                          .findFirst()
                          .orElse(null),
                  r -> r != null);
      // The merchant's side: the reference verifier (signature, 5-minute tolerance).
      new Webhook(secret).verify(succeeded.body(), succeeded.headers());
      JsonNode body = JSON.readTree(succeeded.body());
      assertThat(body.get("data").get("id").asText()).isEqualTo(paymentId);
      assertThat(body.get("data").get("amount").asLong()).isEqualTo(4999);
      assertThat(succeeded.header("webhook-id")).isEqualTo(body.get("id").asText());
      // payment.created came first on the payment's stream: sequence 1, then 2.
      WebhookReceiver.Received first =
          receiver.received().stream()
              .filter(r -> r.body().contains("\"type\":\"payment.created\""))
              .findFirst()
              .orElseThrow();
      assertThat(JSON.readTree(first.body()).get("sequence").asLong()).isEqualTo(1);
      assertThat(body.get("sequence").asLong()).isEqualTo(2);

      String eventId = body.get("id").asText();
      // The intent's event comes from checkout's own outbox, so it may land after the payment's.
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  as(m.skTest())
                      .queryParam("object_id", paymentId)
                      .get(url("/v1/events"))
                      .then()
                      .statusCode(200)
                      .body("items.type", hasItem("payment.succeeded"))
                      .body("items.type", hasItem("payment_intent.succeeded")));
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  as(m.skTest())
                      .get(url("/v1/events/" + eventId))
                      .then()
                      .statusCode(200)
                      .body("deliveries[0].status", equalTo("succeeded")));
    }
  }

  @Test
  void anotherMerchantAndTheOtherModeSeeNoneOfItThroughTheEdge() {
    Platform.Merchant owner = Platform.newMerchant("Webhook Owner");
    Platform.Merchant other = Platform.newMerchant("Webhook Other");
    String endpoint =
        endpoint(owner.skTest(), "http://127.0.0.1:9/none", List.of("*")).getString("id");
    String customer =
        as(owner.skTest())
            .body(Map.of("email", "someone@example.com"))
            .post(url("/v1/customers"))
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    String eventId =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    as(owner.skTest())
                        .queryParam("object_id", customer)
                        .get(url("/v1/events"))
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("items[0].id"),
                id -> id != null);
    for (String path :
        List.of(
            "/v1/events/" + eventId,
            "/v1/webhook_endpoints/" + endpoint,
            "/v1/webhook_endpoints/" + endpoint + "/deliveries")) {
      as(other.skTest()).get(url(path)).then().statusCode(404);
      as(owner.skLive()).get(url(path)).then().statusCode(404);
    }
    as(other.skTest()).delete(url("/v1/webhook_endpoints/" + endpoint)).then().statusCode(404);
    as(owner.skLive())
        .get(url("/v1/events"))
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(eventId)));
    given().get(url("/v1/events")).then().statusCode(401);
  }

  @Test
  void privateAddressesAreRefusedAndAnEndpointAnswering410IsDisabled() {
    Platform.Merchant m = Platform.newMerchant("Webhook Gone");
    for (String target : List.of("http://10.0.0.5/hook", "http://169.254.169.254/latest")) {
      as(m.skTest())
          .body(Map.of("url", target, "enabled_events", List.of("*")))
          .post(url("/v1/webhook_endpoints"))
          .then()
          .statusCode(422)
          .body("detail[0].loc", equalTo(List.of("body", "url")));
    }
    as(m.skLive())
        .body(Map.of("url", "http://example.com/hook", "enabled_events", List.of("*")))
        .post(url("/v1/webhook_endpoints"))
        .then()
        .statusCode(422);
    try (WebhookReceiver gone = new WebhookReceiver().answer(410)) {
      String endpoint = endpoint(m.skTest(), gone.url(), List.of("payment.*")).getString("id");
      as(m.skTest())
          .post(url("/v1/webhook_endpoints/" + endpoint + "/test"))
          .then()
          .statusCode(200);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  as(m.skTest())
                      .get(url("/v1/webhook_endpoints/" + endpoint))
                      .then()
                      .body("status", equalTo("disabled")));
      as(m.skTest())
          .get(url("/v1/webhook_endpoints/" + endpoint + "/deliveries"))
          .then()
          .statusCode(200)
          .body("items[0].http_status", equalTo(410))
          .body("items[0].outcome", equalTo("failed"));
      as(m.skTest())
          .queryParam("type", "webhook_endpoint.disabled")
          .get(url("/v1/events"))
          .then()
          .body("items[0].subject", equalTo(endpoint));
    }
  }
}
