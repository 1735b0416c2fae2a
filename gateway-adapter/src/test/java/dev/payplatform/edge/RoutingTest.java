package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class RoutingTest {

  @Test
  void everyRouteInTheTableReachesItsOwner() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String[][] routes = {
      {"POST", "/v1/payments/session", "checkout"},
      {"POST", "/v1/payments/", "payments"},
      {"POST", "/v1/payments", "payments"},
      {"GET", "/v1/payments/", "payments"},
      {"GET", "/v1/payments/pay_123", "payments"},
      {"GET", "/v1/payments/internal", "payments"},
      {"POST", "/v1/products", "catalog"},
      {"GET", "/v1/products/prod_1", "catalog"},
      {"POST", "/v1/plans", "catalog"},
      {"GET", "/v1/plans", "catalog"},
      {"POST", "/v1/customers", "catalog"},
      {"GET", "/v1/customers/cus_1", "catalog"},
      {"POST", "/v1/subscriptions", "billing"},
      {"POST", "/v1/subscriptions/sub_1/cancel", "billing"},
      {"GET", "/v1/refunds", "billing"},
      {"POST", "/v1/refunds", "billing"},
      {"POST", "/v1/payment-links", "billing"},
      {"GET", "/v1/payment-links/plink_1", "billing"},
    };
    for (String[] r : routes) {
      given()
          .header("X-Api-Key", m.testKey())
          .contentType("application/json")
          .body("{}")
          .request(r[0], r[1])
          .then()
          .statusCode(200)
          .body("service", is(r[2]))
          .body("method", is(r[0]));
    }
  }

  @Test
  void statusHeadersQueryAndBodyPassThroughUnchanged() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String body = "{\"amount\":\"49.99\",\"items\":[\"a\",\"b\"],\"note\":\"ünïcødé\"}";
    JsonPath echo =
        given()
            .header("X-Api-Key", m.testKey())
            .contentType("application/json; charset=utf-8")
            .header("X-Custom", "kept")
            .header("X-Client-Address", "6.6.6.6")
            .body(body)
            .post("/v1/customers?status=202&expand=a&expand=b")
            .then()
            .statusCode(202)
            .header("X-Upstream", "catalog")
            .extract()
            .jsonPath();
    assertThat(echo.getString("uri")).isEqualTo("/v1/customers?status=202&expand=a&expand=b");
    assertThat(echo.getString("body")).isEqualTo(body);
    assertThat(echo.getString("headers.x-custom")).isEqualTo("kept");
    assertThat(echo.getString("headers.x-forwarded-for")).isEqualTo("127.0.0.1");
    assertThat(echo.getString("headers.x-forwarded-proto")).isEqualTo("http");
    assertThat(echo.getString("headers.x-client-address"))
        .as("the edge says who the client is; a caller cannot")
        .isEqualTo("127.0.0.1");
    assertThat(echo.getString("headers.x-forwarded-host")).startsWith("localhost");
  }

  @Test
  void requestIdsArePassedThroughOrGeneratedAndAlwaysReturned() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    given()
        .header("X-Api-Key", m.testKey())
        .header("X-Request-Id", "my-req-1")
        .get("/v1/plans")
        .then()
        .header("X-Request-Id", "my-req-1")
        .body("headers.x-request-id", is("my-req-1"));
    String generated =
        given()
            .header("X-Api-Key", m.testKey())
            .header("X-Request-Id", "bad id\u0001")
            .get("/v1/plans")
            .then()
            .header("X-Request-Id", startsWith("req_"))
            .extract()
            .header("X-Request-Id");
    given().get("/v1/nothing-here").then().header("X-Request-Id", startsWith("req_"));
    assertThat(generated).hasSizeLessThan(40);
  }

  @Test
  void unknownPathsAre404AndWrongMethodsAre405InTheProblemShape() {
    given()
        .get("/v1/nothing-here")
        .then()
        .statusCode(404)
        .body("code", is(404))
        .body("type", is("danger"));
    given()
        .delete("/v1/payments/session")
        .then()
        .statusCode(405)
        .body("code", is(405))
        .body("title", is("Method not allowed"));
    given().put("/v1/payments/pay_1").then().statusCode(405);
  }

  @Test
  void upstreamErrorsAreRelayedAsTheyAre() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    given()
        .header("X-Api-Key", m.testKey())
        .get("/v1/products?status=404")
        .then()
        .statusCode(404)
        .body("service", is("catalog"));
  }

  @Test
  void aDownServiceIs503AndASlowOneIs504NeverAHang() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    EchoUpstreams.stopService("billing");
    try {
      given()
          .header("X-Api-Key", m.testKey())
          .get("/v1/refunds")
          .then()
          .statusCode(503)
          .body("code", is(503))
          .body("type", is("danger"))
          .body("content", is("The billing service is not available right now. Please retry."));
      given().get("/link/plink_1").then().statusCode(503);
    } finally {
      EchoUpstreams.startService("billing");
    }
    given()
        .header("X-Api-Key", m.testKey())
        .get("/v1/products?delay=5000")
        .then()
        .statusCode(504)
        .body("code", is(504));
  }
}
