package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;

/** What a merchant's code calls through the edge with one of its keys, shared by the e2e tests. */
final class MerchantApi {
  private MerchantApi() {}

  static String customer(String apiKey) {
    return given()
        .header("X-Api-Key", apiKey)
        .contentType("application/json")
        .body(Map.of("email", "subscriber@example.com", "name", "Sam Subscriber"))
        .post(url("/v1/customers"))
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  /** A monthly plan of a new product, {@code amount} US cents. */
  static String plan(String apiKey, long amount) {
    String product =
        given()
            .header("X-Api-Key", apiKey)
            .contentType("application/json")
            .body(Map.of("name", "Pro"))
            .post(url("/v1/products"))
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    return given()
        .header("X-Api-Key", apiKey)
        .contentType("application/json")
        .body(
            Map.of("product_id", product, "amount", amount, "currency", "USD", "interval", "month"))
        .post(url("/v1/plans"))
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  /** The payment once its status is {@code status} (within 30 s). */
  static JsonPath awaitPaymentStatus(String apiKey, String paymentId, String status) {
    JsonPath[] last = new JsonPath[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              last[0] =
                  given()
                      .header("X-Api-Key", apiKey)
                      .get(url("/v1/payments/" + paymentId))
                      .then()
                      .extract()
                      .jsonPath();
              return status.equals(last[0].getString("status"));
            });
    return last[0];
  }
}
