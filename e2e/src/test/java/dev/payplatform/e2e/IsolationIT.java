package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second merchant, and the first merchant's live key, see none of the first's test objects. */
class IsolationIT {

  @Test
  void anotherMerchantAndTheLiveKeySeeNothing() {
    Platform.Merchant owner = Platform.newMerchant("Owner");
    Platform.Merchant other = Platform.newMerchant("Other");
    String customer =
        given()
            .header("X-Api-Key", owner.skTest())
            .contentType("application/json")
            .body(Map.of("email", "owner@example.com"))
            .post(url("/v1/customers"))
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    String product =
        given()
            .header("X-Api-Key", owner.skTest())
            .contentType("application/json")
            .body(Map.of("name", "Thing"))
            .post(url("/v1/products"))
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    String plan =
        given()
            .header("X-Api-Key", owner.skTest())
            .contentType("application/json")
            .body(
                Map.of(
                    "product_id", product, "amount", 1000, "currency", "USD", "interval", "month"))
            .post(url("/v1/plans"))
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    String link =
        given()
            .header("X-Api-Key", owner.skTest())
            .contentType("application/json")
            .body(Map.of("amount", 1500, "currency", "USD", "description", "Owner link"))
            .post(url("/v1/payment-links"))
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    String payment =
        given()
            .header("X-Api-Key", owner.skTest())
            .contentType("application/json")
            .body(
                Map.of(
                    "amount",
                    "10.00",
                    "description",
                    "Owner pay",
                    "currency",
                    "USD",
                    "items",
                    List.of("a"),
                    "return_url",
                    "https://example.com/r"))
            .post(url("/v1/payments/"))
            .then()
            .statusCode(202)
            .extract()
            .path("data.id_payment");

    for (String key : List.of(other.skTest(), other.skLive(), owner.skLive())) {
      given().header("X-Api-Key", key).get(url("/v1/customers/" + customer)).then().statusCode(404);
      given().header("X-Api-Key", key).get(url("/v1/products/" + product)).then().statusCode(404);
      given().header("X-Api-Key", key).get(url("/v1/plans/" + plan)).then().statusCode(404);
      given().header("X-Api-Key", key).get(url("/v1/payment-links/" + link)).then().statusCode(404);
      given()
          .header("X-Api-Key", key)
          .get(url("/v1/payments/" + payment))
          .then()
          .statusCode(404)
          .body("title", is("Payments not found"));
      for (String list :
          List.of(
              "/v1/customers",
              "/v1/products",
              "/v1/plans",
              "/v1/payment-links",
              "/v1/subscriptions",
              "/v1/refunds")) {
        given()
            .header("X-Api-Key", key)
            .get(url(list))
            .then()
            .statusCode(200)
            .body("total_items", is(0));
      }
      given()
          .header("X-Api-Key", key)
          .get(url("/v1/payments/"))
          .then()
          .statusCode(200)
          .body("size()", is(0));
      given()
          .header("X-Api-Key", key)
          .get(url("/v1/payments/internal"))
          .then()
          .statusCode(200)
          .body("size()", is(0));
    }
  }
}
