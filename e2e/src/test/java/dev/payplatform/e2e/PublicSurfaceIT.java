package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge's public surface as a browser or a card tester meets it: buyer calls answer a merchant's
 * own page cross-origin, billing's pages carry the same security headers as checkout's, and many
 * cards declined from one address at one merchant block that address's next confirmation.
 */
class PublicSurfaceIT {

  @Test
  void aMerchantsOwnPageMayCallTheBuyerEndpointsButNeverASecretKeyRoute() {
    given()
        .header("Origin", "https://shop.example.com")
        .header("Access-Control-Request-Method", "POST")
        .options(url("/v1/payments/intent"))
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", is("*"));
    Response keyRoute =
        given()
            .header("Origin", "https://shop.example.com")
            .header("Access-Control-Request-Method", "POST")
            .options(url("/v1/payments/session"));
    assertThat(keyRoute.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void billingsPagesCarryTheSameSecurityHeadersAsCheckouts() {
    Response page = given().redirects().follow(false).get(url("/link/plink_doesnotexist000000000"));
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  void manyCardsDeclinedFromOneAddressBlockItsNextConfirmationAtThatMerchant() {
    Platform.Merchant m = Platform.newMerchant("Card Testing Target");
    for (String card :
        new String[] {
          "4000000000000002",
          "4000000000009995",
          "4000000000000069",
          "4000000000000127",
          "4111111111111111"
        }) {
      confirm(m, card).then().statusCode(402);
    }
    confirm(m, Cards.VISA)
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("fraudulent"))
        .body("error.message", containsString("too many declined payments from this network"));
  }

  /** A new session of {@code m} confirmed with {@code card}, as a buyer's browser does. */
  private static Response confirm(Platform.Merchant m, String card) {
    String session =
        given()
            .header("X-Api-Key", m.skTest())
            .contentType("application/json")
            .body(
                Map.of(
                    "amount", "20.00",
                    "currency", "USD",
                    "return_url", "https://shop.example.com/thanks"))
            .post(url("/v1/payments/session"))
            .then()
            .statusCode(201)
            .extract()
            .path("session_id");
    JsonPath intent =
        given()
            .contentType("application/json")
            .body(Map.of("session_id", session))
            .post(url("/v1/payments/intent"))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return given()
        .contentType("application/json")
        .body(
            Map.of(
                "client_secret",
                intent.getString("client_secret"),
                "card_number",
                card,
                "exp_month",
                12,
                "exp_year",
                2034,
                "cvc",
                Cards.CVC,
                "cardholder_name",
                "Ada Buyer"))
        .post(url("/v1/payments/intent/" + intent.getString("payment_intent_id") + "/confirm"));
  }
}
