package dev.payplatform.catalog;

import dev.payplatform.commons.testing.TestApi;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Calls the catalog API as a merchant would through the edge (with the edge's internal JWT). */
final class Api {
  private Api() {}

  /** A merchant id no other test (or earlier run) uses, so tests never see each other's rows. */
  static String newMerchant() {
    return TestApi.newMerchant();
  }

  static RequestSpecification as(String merchantId, String mode) {
    return TestApi.as(merchantId, mode);
  }

  static RequestSpecification asTest(String merchantId) {
    return TestApi.asTest(merchantId);
  }

  static String createProduct(String merchantId, String mode, String name) {
    return as(merchantId, mode)
        .body(Map.of("name", name))
        .post("/v1/products")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  static String createPlan(String merchantId, String mode, String productId, long amount) {
    return as(merchantId, mode)
        .body(
            Map.of(
                "product_id", productId, "amount", amount, "currency", "usd", "interval", "month"))
        .post("/v1/plans")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  static String createCustomer(String merchantId, String mode, String email) {
    return as(merchantId, mode)
        .body(Map.of("email", email))
        .post("/v1/customers")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }
}
