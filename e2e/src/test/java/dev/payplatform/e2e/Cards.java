package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sandbox's test cards (docs/checkout.md) and paying through the public API. */
final class Cards {
  static final String VISA = "4242424242424242";
  static final String CHALLENGE = "4000002760003184";
  static final String INSUFFICIENT_FUNDS = "4000000000009995";
  static final String DECLINED = "4000000000000002";

  /** A security code used only by these tests, so its absence from every store can be checked. */
  static final String CVC = "919";

  private Cards() {}

  /** Creates a checkout session for the merchant and returns its id. */
  static String session(Platform.Merchant m, String amount, String returnUrl) {
    return session(m.skTest(), amount, returnUrl);
  }

  /** Creates a checkout session with {@code apiKey} (test or live) and returns its id. */
  static String session(String apiKey, String amount, String returnUrl) {
    return given()
        .header("X-Api-Key", apiKey)
        .contentType("application/json")
        .body(
            Map.of(
                "amount",
                amount,
                "currency",
                "USD",
                "description",
                "E2E order",
                "items",
                List.of("Widget"),
                "return_url",
                returnUrl))
        .post(url("/v1/payments/session"))
        .then()
        .statusCode(201)
        .extract()
        .path("session_id");
  }

  /** Intent for the session, then confirm with {@code card}: the raw confirm response. */
  static Response payThroughApi(String sessionId, String card) {
    var intent =
        given()
            .contentType("application/json")
            .body(Map.of("session_id", sessionId))
            .post(url("/v1/payments/intent"))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    Map<String, Object> body = new HashMap<>();
    body.put("client_secret", intent.getString("client_secret"));
    body.put("card_number", card);
    body.put("exp_month", 12);
    body.put("exp_year", 2034);
    body.put("cvc", CVC);
    body.put("cardholder_name", "Ada Buyer");
    body.put("email", "buyer@example.com");
    return given()
        .contentType("application/json")
        .body(body)
        .post(url("/v1/payments/intent/" + intent.getString("payment_intent_id") + "/confirm"));
  }
}
