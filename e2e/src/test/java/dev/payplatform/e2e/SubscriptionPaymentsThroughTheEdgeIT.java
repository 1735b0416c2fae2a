package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Money holes closed, seen from outside: a subscription-mode checkout session needs a plan and a
 * customer of the merchant at the plan's price (created through the edge, known to checkout from
 * catalog.events); an invoice's payment page pays one payment however often it is opened; and a
 * live checkout link names the merchant's gateway account, so a live connector can charge it.
 */
class SubscriptionPaymentsThroughTheEdgeIT {

  @Test
  void aSubscriptionSessionIsRefusedForAnotherMerchantsPlanOrTheWrongPriceAndCreatedForItsOwn() {
    Platform.Merchant m = Platform.newMerchant("Plan Checker");
    Platform.Merchant other = Platform.newMerchant("Someone Else");
    String customer = MerchantApi.customer(m.skTest());
    String plan = MerchantApi.plan(m.skTest(), 1500);
    String othersPlan = MerchantApi.plan(other.skTest(), 1500);

    // The merchant's own plan at its price: created (once checkout has the catalog events).
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> session(m, plan, customer, "15.00").statusCode() == 201);

    session(m, othersPlan, customer, "15.00")
        .then()
        .statusCode(404)
        .body("content", containsString("(price_id)"));
    session(m, plan, MerchantApi.customer(other.skTest()), "15.00")
        .then()
        .statusCode(404)
        .body("content", containsString("(customer_id)"));
    session(m, plan, customer, "1.00")
        .then()
        .statusCode(422)
        .body("detail[0].loc", org.hamcrest.Matchers.contains("body", "amount"))
        .body("detail[0].msg", containsString("15.00 USD"));
  }

  @Test
  void everyVisitOfAnInvoicesPaymentPagePaysTheSamePayment() {
    Platform.Merchant m = Platform.newMerchant("One Payment Per Invoice");
    String customer = MerchantApi.customer(m.skTest());
    String plan = MerchantApi.plan(m.skTest(), 2500);
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
    String page = subscription.getString("latest_invoice.payment_url");
    List<String> payments =
        List.of(paymentOfVisit(page), paymentOfVisit(page), paymentOfVisit(page));
    assertThat(payments)
        .as("three visits (three tabs) pay one payment")
        .containsOnly(payments.get(0));
  }

  @Test
  void aLiveHostedPaymentsCheckoutLinkNamesTheMerchantsGatewayAccount() {
    String account = "acct_e2e_" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String skLive =
        given()
            .header("Authorization", "Bearer " + Platform.env().adminToken())
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "Live Shop " + account,
                    "gateway_account_id",
                    account,
                    "rate_limit_test",
                    1000,
                    "rate_limit_live",
                    1000))
            .post(url("/admin/merchants"))
            .then()
            .statusCode(201)
            .extract()
            .path("secret_key_live");
    String redirect =
        given()
            .header("X-Api-Key", skLive)
            .contentType("application/json")
            .body(
                Map.of(
                    "amount", "12.00",
                    "currency", "USD",
                    "description", "Live order",
                    "items", List.of("Widget"),
                    "return_url", "https://shop.example.com/thanks"))
            .post(url("/v1/payments/"))
            .then()
            .statusCode(202)
            .extract()
            .path("data.redirect");
    String token =
        java.net.URLDecoder.decode(
            URI.create(redirect).getRawQuery().substring("data=".length()),
            java.nio.charset.StandardCharsets.UTF_8);
    JsonPath claims =
        JsonPath.from(
            new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
    assertThat(claims.getBoolean("livemode")).isTrue();
    assertThat(claims.getString("gateway_account_id"))
        .as("the connector serving this account charges it")
        .isEqualTo(account);
  }

  private static String paymentOfVisit(String page) {
    Response r = given().redirects().follow(false).get(page);
    assertThat(r.statusCode()).isEqualTo(303);
    String path = URI.create(r.header("Location")).getPath();
    assertThat(path).startsWith("/checkout/pay/pay_");
    return path.substring("/checkout/pay/".length());
  }

  private static Response session(
      Platform.Merchant m, String plan, String customer, String amount) {
    Map<String, Object> body = new HashMap<>();
    body.put("amount", amount);
    body.put("currency", "USD");
    body.put("return_url", "https://shop.example.com/thanks");
    body.put("mode", "subscription");
    body.put("price_id", plan);
    body.put("customer_id", customer);
    return given()
        .header("X-Api-Key", m.skTest())
        .contentType("application/json")
        .body(body)
        .post(url("/v1/payments/session"));
  }
}
