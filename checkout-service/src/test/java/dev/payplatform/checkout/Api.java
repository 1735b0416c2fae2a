package dev.payplatform.checkout;

import static io.restassured.RestAssured.given;

import dev.payplatform.commons.testing.TestApi;
import dev.payplatform.commons.testing.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calls checkout-service as the edge would: merchants with the internal JWT, buyers without. */
final class Api {
  static final String FUTURE_YEAR = String.valueOf(java.time.Year.now().getValue() + 3);

  private Api() {}

  /** A merchant id no other test (or earlier run) uses. */
  static String newMerchant() {
    return TestApi.newMerchant();
  }

  static RequestSpecification as(String merchantId, String mode) {
    return given()
        .auth()
        .oauth2(
            TestTokens.merchant(
                merchantId,
                mode,
                "Shop " + merchantId.substring(4, 12),
                "acct_" + merchantId.substring(4, 12)))
        .contentType("application/json");
  }

  static RequestSpecification buyer() {
    return given().contentType("application/json");
  }

  static Map<String, Object> sessionBody(String amount, String currency) {
    Map<String, Object> body = new HashMap<>();
    body.put("amount", amount);
    body.put("currency", currency);
    body.put("description", "Premium subscription");
    body.put("items", List.of("Premium Plan"));
    body.put("return_url", "https://shop.example.com/success");
    return body;
  }

  /** A payment-mode session of this merchant; returns its id. */
  static String session(String merchantId, String mode, String amount, String currency) {
    return as(merchantId, mode)
        .body(sessionBody(amount, currency))
        .post("/v1/payments/session")
        .then()
        .statusCode(201)
        .extract()
        .path("session_id");
  }

  static String session(String merchantId) {
    return session(merchantId, "test", "99.99", "USD");
  }

  static String subscriptionSession(String merchantId) {
    Map<String, Object> body = sessionBody("19.00", "USD");
    body.put("mode", "subscription");
    body.put("price_id", Catalog.plan(merchantId, false, 1900, "USD"));
    body.put("customer_id", Catalog.customer(merchantId, false));
    return as(merchantId, "test")
        .body(body)
        .post("/v1/payments/session")
        .then()
        .statusCode(201)
        .extract()
        .path("session_id");
  }

  /** The session's intent: {client_secret, payment_intent_id, amount, currency}. */
  static Intent intent(String sessionId) {
    Response r = buyer().body(Map.of("session_id", sessionId)).post("/v1/payments/intent");
    r.then().statusCode(201);
    return new Intent(r.path("payment_intent_id"), r.path("client_secret"));
  }

  static Intent subscriptionIntent(String sessionId) {
    Response r = buyer().body(Map.of("session_id", sessionId)).post("/v1/payments/subscription");
    r.then().statusCode(201);
    return new Intent(r.path("payment_intent_id"), r.path("client_secret"));
  }

  static Map<String, Object> card(String number) {
    return card(number, "123");
  }

  static Map<String, Object> card(String number, String cvc) {
    Map<String, Object> body = new HashMap<>();
    body.put("card_number", number);
    body.put("exp_month", 12);
    body.put("exp_year", Integer.parseInt(FUTURE_YEAR));
    body.put("cvc", cvc);
    body.put("cardholder_name", "Ada Lovelace");
    body.put("email", "ada@example.com");
    return body;
  }

  static Response confirm(Intent intent, String number) {
    return confirm(intent, card(number));
  }

  static Response confirm(Intent intent, Map<String, Object> card) {
    Map<String, Object> body = new HashMap<>(card);
    body.put("client_secret", intent.clientSecret());
    return buyer().body(body).post("/v1/payments/intent/" + intent.id() + "/confirm");
  }

  /** The one-time challenge token from a requires_action answer's next_action.url. */
  static String challengeToken(Response requiresAction) {
    String url = requiresAction.path("next_action.url");
    return url.substring(url.indexOf("challenge=") + "challenge=".length());
  }

  static Response answerChallenge(String intentId, String token, boolean complete) {
    return given()
        .redirects()
        .follow(false)
        .contentType("application/x-www-form-urlencoded")
        .formParam(
            "challenge", java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8))
        .post("/checkout/3ds/" + intentId + (complete ? "/complete" : "/fail"));
  }

  record Intent(String id, String clientSecret) {}
}
