package dev.payplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** Each service's own port, called without the edge's internal JWT, refuses merchant routes. */
class EdgeCannotBeBypassedIT {

  @Test
  void everyServiceAnswers401WithoutTheInternalJwt() {
    Platform.env();
    String[][] calls = {
      {"http://127.0.0.1:8081", "POST", "/v1/payments/session"},
      {"http://127.0.0.1:8082", "GET", "/v1/payments/"},
      {"http://127.0.0.1:8082", "GET", "/v1/payments/internal"},
      {"http://127.0.0.1:8083", "GET", "/v1/customers"},
      {"http://127.0.0.1:8083", "POST", "/v1/products"},
      {"http://127.0.0.1:8084", "GET", "/v1/subscriptions"},
      {"http://127.0.0.1:8084", "GET", "/v1/refunds"},
      {"http://127.0.0.1:8084", "POST", "/v1/payment-links"},
    };
    for (String[] c : calls) {
      given()
          .contentType("application/json")
          .body("{}")
          .request(c[1], c[0] + c[2])
          .then()
          .statusCode(401)
          .body("detail", is("Not authenticated."));
      // A merchant's secret key is not a credential the services accept either.
      given()
          .header("X-Api-Key", Platform.env().skTest())
          .contentType("application/json")
          .body("{}")
          .request(c[1], c[0] + c[2])
          .then()
          .statusCode(401);
      given()
          .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
          .contentType("application/json")
          .body("{}")
          .request(c[1], c[0] + c[2])
          .then()
          .statusCode(401);
    }
  }
}
