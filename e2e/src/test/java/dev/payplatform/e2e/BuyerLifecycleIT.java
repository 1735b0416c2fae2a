package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A buyer pays in a real browser (headless Chromium) and an ops team's own consumer group sees the
 * lifecycle on Kafka: hosted payment, checkout session, 3-D Secure challenge, a decline.
 */
@Order(10)
class BuyerLifecycleIT {
  private static MerchantSite site;
  private static Browser browser;

  @BeforeAll
  static void start() {
    Platform.env();
    site = new MerchantSite();
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (site != null) {
      site.close();
    }
  }

  private static String queryParam(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static List<OpsConsumer.Event> inTimeOrder(List<OpsConsumer.Event> events) {
    return events.stream()
        .sorted(Comparator.comparing((OpsConsumer.Event e) -> java.time.Instant.parse(e.time())))
        .toList();
  }

  @Test
  void hostedPaymentPaidInTheBrowserCompletesWithFeeNetAndCardAndTheLifecycleIsOnKafka() {
    Platform.Merchant m = Platform.newMerchant("Browser Store");
    try (OpsConsumer ops = new OpsConsumer()) {
      String returnUrl = site.returnUrl("/thank-you?ref=42");
      JsonPath created =
          given()
              .header("X-Api-Key", m.skTest())
              .contentType("application/json")
              .body(
                  Map.of(
                      "amount",
                      "49.99",
                      "description",
                      "Monthly plan",
                      "currency",
                      "USD",
                      "items",
                      List.of("Monthly Subscription"),
                      "return_url",
                      returnUrl))
              .post(url("/v1/payments/"))
              .then()
              .statusCode(202)
              .extract()
              .jsonPath();
      String paymentId = created.getString("data.id_payment");

      browser.open(created.getString("data.redirect"));
      assertThat(browser.find("#amount").getText()).contains("49.99");
      browser.payWith(Cards.VISA);
      String landed = browser.awaitUrlStartingWith(returnUrl);
      assertThat(queryParam(landed, "id_payment")).isEqualTo(paymentId);
      assertThat(queryParam(landed, "ref")).isEqualTo("42");

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "completed"
                      .equals(
                          given()
                              .header("X-Api-Key", m.skTest())
                              .get(url("/v1/payments/" + paymentId))
                              .then()
                              .extract()
                              .path("status")));
      given()
          .header("X-Api-Key", m.skTest())
          .get(url("/v1/payments/" + paymentId))
          .then()
          .body("card_last4", org.hamcrest.Matchers.is("4242"))
          .body("card_brand", org.hamcrest.Matchers.is("visa"))
          .body("customer_email", org.hamcrest.Matchers.is("buyer@example.com"));
      JsonPath internal =
          given()
              .header("X-Api-Key", m.skTest())
              .get(url("/v1/payments/internal"))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      Map<String, Object> row = internal.getMap("find { it.id == '" + paymentId + "' }");
      assertThat(row.get("status")).isEqualTo("succeeded");
      // The default fee plan of a merchant created without one: 2.9 % + 30 cents.
      // (JsonPath reads JSON numbers as floats: compare their decimal text.)
      assertThat(String.valueOf(row.get("fee"))).isEqualTo("1.75");
      assertThat(String.valueOf(row.get("net"))).isEqualTo("48.24");

      ops.awaitEvent(
          e -> e.type().equals("payment.succeeded") && paymentId.equals(e.key()),
          Duration.ofSeconds(30));
      List<String> lifecycle =
          inTimeOrder(ops.aboutPayment(paymentId)).stream()
              .map(OpsConsumer.Event::type)
              .filter(
                  t ->
                      List.of("payment.created", "payment_intent.succeeded", "payment.succeeded")
                          .contains(t))
              .toList();
      assertThat(lifecycle)
          .containsExactly("payment.created", "payment_intent.succeeded", "payment.succeeded");
      ops.aboutPayment(paymentId)
          .forEach(
              e -> {
                OpsConsumer.assertValid(e);
                assertThat(e.merchantId()).isEqualTo(m.id());
                assertThat(e.livemode()).isEqualTo("false");
              });
    }
  }

  @Test
  void checkoutSessionPaidInTheBrowserLandsOnTheReturnUrl() {
    Platform.Merchant m = Platform.newMerchant("Session Store");
    try (OpsConsumer ops = new OpsConsumer()) {
      String returnUrl = site.returnUrl("/success");
      String session = Cards.session(m, "99.99", returnUrl);
      browser.open(url("/checkout/session/" + session));
      browser.payWith(Cards.VISA);
      String landed = browser.awaitUrlStartingWith(returnUrl);
      String paymentId = queryParam(landed, "id_payment");
      assertThat(paymentId).startsWith("pay_");
      ops.awaitEvent(
          e -> e.type().equals("payment.succeeded") && paymentId.equals(e.key()),
          Duration.ofSeconds(30));
      assertThat(inTimeOrder(ops.aboutPayment(paymentId)).stream().map(OpsConsumer.Event::type))
          .contains("payment_intent.succeeded", "payment.succeeded");
      ops.aboutPayment(paymentId).forEach(OpsConsumer::assertValid);
      given()
          .get(url("/v1/payments/session/" + session))
          .then()
          .body("status", org.hamcrest.Matchers.is("complete"));
    }
  }

  @Test
  void aThreeDSecureChallengeCompletedByTheBuyerSucceeds() {
    Platform.Merchant m = Platform.newMerchant("3DS Store");
    try (OpsConsumer ops = new OpsConsumer()) {
      String returnUrl = site.returnUrl("/after-3ds");
      String session = Cards.session(m, "15.00", returnUrl);
      browser.open(url("/checkout/session/" + session));
      browser.payWith(Cards.CHALLENGE);
      browser.awaitUrlStartingWith(url("/checkout/3ds/"));
      browser.find("#complete").click();
      String landed = browser.awaitUrlStartingWith(returnUrl);
      String paymentId = queryParam(landed, "id_payment");
      ops.awaitEvent(
          e -> e.type().equals("payment.succeeded") && paymentId.equals(e.key()),
          Duration.ofSeconds(30));
      assertThat(ops.aboutPayment(paymentId).stream().map(OpsConsumer.Event::type))
          .contains("payment_intent.requires_action", "payment_intent.succeeded");
      ops.aboutPayment(paymentId).forEach(OpsConsumer::assertValid);
    }
  }

  @Test
  void aDeclinedCardShowsTheReasonOnThePageAndThePaymentFails() {
    Platform.Merchant m = Platform.newMerchant("Decline Store");
    try (OpsConsumer ops = new OpsConsumer()) {
      JsonPath created =
          given()
              .header("X-Api-Key", m.skTest())
              .contentType("application/json")
              .body(
                  Map.of(
                      "amount",
                      "20.00",
                      "description",
                      "Declined order",
                      "currency",
                      "USD",
                      "items",
                      List.of("Thing"),
                      "return_url",
                      site.returnUrl("/never")))
              .post(url("/v1/payments/"))
              .then()
              .statusCode(202)
              .extract()
              .jsonPath();
      String paymentId = created.getString("data.id_payment");
      browser.open(created.getString("data.redirect"));
      browser.payWith(Cards.INSUFFICIENT_FUNDS);
      String notice =
          browser.waitFor(
              d -> {
                String text = d.findElement(org.openqa.selenium.By.id("notice")).getText();
                return text.isBlank() ? null : text;
              });
      assertThat(notice.toLowerCase()).contains("insufficient funds");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "failed"
                      .equals(
                          given()
                              .header("X-Api-Key", m.skTest())
                              .get(url("/v1/payments/" + paymentId))
                              .then()
                              .extract()
                              .path("status")));
      ops.awaitEvent(
          e -> e.type().equals("payment.failed") && paymentId.equals(e.key()),
          Duration.ofSeconds(30));
      assertThat(ops.aboutPayment(paymentId).stream().map(OpsConsumer.Event::type))
          .contains("payment_intent.payment_failed", "payment.failed");
      ops.aboutPayment(paymentId).forEach(OpsConsumer::assertValid);

      // The same decline through the API is the documented 402.
      String session = Cards.session(m, "20.00", site.returnUrl("/never"));
      Cards.payThroughApi(session, Cards.INSUFFICIENT_FUNDS)
          .then()
          .statusCode(402)
          .body("error.code", org.hamcrest.Matchers.is(402))
          .body("error.type", org.hamcrest.Matchers.is("payment_failed"))
          .body("error.decline_reason", org.hamcrest.Matchers.is("insufficient_funds"));
    }
  }

  @Test
  void aPaymentLinkVisitPaidInTheBrowserIsAPaymentAndCountsOnTheLink() {
    Platform.Merchant m = Platform.newMerchant("Link Store");
    try (OpsConsumer ops = new OpsConsumer()) {
      JsonPath link =
          given()
              .header("X-Api-Key", m.skTest())
              .contentType("application/json")
              .body(
                  Map.of("amount", 4999, "currency", "USD", "description", "One-time service fee"))
              .post(url("/v1/payment-links"))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String linkId = link.getString("id");
      browser.open(link.getString("url"));
      assertThat(browser.find("#amount").getText()).contains("49.99");
      browser.payWith(Cards.VISA);
      String landed = browser.awaitUrlStartingWith(url("/link/" + linkId));
      String paymentId = queryParam(landed, "id_payment");
      assertThat(paymentId).startsWith("pay_");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "completed"
                      .equals(
                          given()
                              .header("X-Api-Key", m.skTest())
                              .get(url("/v1/payments/" + paymentId))
                              .then()
                              .extract()
                              .path("status")));
      given()
          .header("X-Api-Key", m.skTest())
          .get(url("/v1/payments/" + paymentId))
          .then()
          .body("amount", org.hamcrest.Matchers.is("49.99"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Integer.valueOf(1)
                      .equals(
                          given()
                              .header("X-Api-Key", m.skTest())
                              .get(url("/v1/payment-links/" + linkId))
                              .then()
                              .extract()
                              .path("paid_count")));
      ops.awaitEvent(
          e -> e.type().equals("payment.succeeded") && paymentId.equals(e.key()),
          Duration.ofSeconds(30));
      assertThat(ops.aboutPayment(paymentId).stream().map(OpsConsumer.Event::type))
          .contains("payment_intent.succeeded", "payment.succeeded");
      ops.aboutPayment(paymentId).forEach(OpsConsumer::assertValid);
    }
  }

  @Test
  void aSubscriptionsFirstInvoicePaidInTheBrowserActivatesIt() {
    Platform.Merchant m = Platform.newMerchant("Subscription Store");
    try (OpsConsumer ops = new OpsConsumer()) {
      String customer =
          given()
              .header("X-Api-Key", m.skTest())
              .contentType("application/json")
              .body(Map.of("email", "subscriber@example.com", "name", "Sam Subscriber"))
              .post(url("/v1/customers"))
              .then()
              .statusCode(200)
              .extract()
              .path("id");
      String product =
          given()
              .header("X-Api-Key", m.skTest())
              .contentType("application/json")
              .body(Map.of("name", "Pro"))
              .post(url("/v1/products"))
              .then()
              .statusCode(200)
              .extract()
              .path("id");
      String plan =
          given()
              .header("X-Api-Key", m.skTest())
              .contentType("application/json")
              .body(
                  Map.of(
                      "product_id",
                      product,
                      "amount",
                      1500,
                      "currency",
                      "USD",
                      "interval",
                      "month"))
              .post(url("/v1/plans"))
              .then()
              .statusCode(200)
              .extract()
              .path("id");
      // Billing knows customers and plans from catalog.events: retry until its read model has them.
      JsonPath subscription =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      given()
                          .header("X-Api-Key", m.skTest())
                          .contentType("application/json")
                          .body(Map.of("customer_id", customer, "plan_id", plan))
                          .post(url("/v1/subscriptions")),
                  r -> r.statusCode() == 200)
              .jsonPath();
      String subscriptionId = subscription.getString("id");
      assertThat(subscription.getString("status")).isEqualTo("incomplete");
      browser.open(subscription.getString("latest_invoice.payment_url"));
      browser.payWith(Cards.VISA);
      browser.awaitUrlStartingWith(url("/link/"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "active"
                      .equals(
                          given()
                              .header("X-Api-Key", m.skTest())
                              .get(url("/v1/subscriptions/" + subscriptionId))
                              .then()
                              .extract()
                              .path("status")));
      var events =
          ops.awaitEvent(
              e -> e.type().equals("subscription.activated") && subscriptionId.equals(e.key()),
              Duration.ofSeconds(30));
      // This merchant's events only: other merchants' subscriptions may be on the topics too.
      List<OpsConsumer.Event> mine =
          events.stream().filter(e -> m.id().equals(e.merchantId())).toList();
      assertThat(mine.stream().map(OpsConsumer.Event::type))
          .contains(
              "subscription.created",
              "invoice.created",
              "invoice.paid",
              "payment_intent.succeeded",
              "subscription.activated");
      mine.forEach(OpsConsumer::assertValid);
    }
  }
}
