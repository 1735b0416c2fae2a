package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A merchant's own page can call the buyer's endpoints (session, intent, confirm, subscription)
 * from the browser; secret-key routes never answer a browser cross-origin.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class BuyerCorsTest {
  private static final String ORIGIN = "https://shop.example.com";

  @Test
  void theBuyersEndpointsAnswerPreflightsAndCrossOriginCalls() {
    for (String[] call :
        new String[][] {
          {"POST", "/v1/payments/intent"},
          {"POST", "/v1/payments/intent/pi_1/confirm"},
          {"POST", "/v1/payments/subscription"},
          {"GET", "/v1/payments/session/cs_1"}
        }) {
      given()
          .header("Origin", ORIGIN)
          .header("Access-Control-Request-Method", call[0])
          .header("Access-Control-Request-Headers", "content-type")
          .options(call[1])
          .then()
          .statusCode(204)
          .header("Access-Control-Allow-Origin", is("*"))
          .header("Access-Control-Allow-Methods", is(call[0]))
          .header("Access-Control-Max-Age", is("600"))
          .header("Access-Control-Allow-Credentials", nullValue());
      given()
          .header("Origin", ORIGIN)
          .contentType("application/json")
          .body("{}")
          .request(call[0], call[1])
          .then()
          .statusCode(200)
          .header("Access-Control-Allow-Origin", is("*"))
          .body("service", is("checkout"));
    }
  }

  @Test
  void secretKeyRoutesNeverAnswerCrossOrigin() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    given()
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .options("/v1/payments/session")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
    given()
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "GET")
        .options("/v1/payments/")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
    given()
        .header("Origin", ORIGIN)
        .header("X-Api-Key", m.testKey())
        .get("/v1/payments/")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
