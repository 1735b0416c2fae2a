package dev.payplatform.billing;

import static io.restassured.RestAssured.given;

import dev.payplatform.commons.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calls the billing API as the edge forwards a merchant's request (with the internal JWT). */
final class Api {
  private Api() {}

  /** A merchant id no other test (or earlier run) uses, so tests never see each other's rows. */
  static String newMerchant() {
    return "mer_" + UUID.randomUUID().toString().replace("-", "");
  }

  static RequestSpecification as(String merchantId, String mode) {
    return given()
        .auth()
        .oauth2(TestTokens.merchant(merchantId, mode))
        .contentType("application/json");
  }

  static RequestSpecification asTest(String merchantId) {
    return as(merchantId, "test");
  }

  static RequestSpecification asLive(String merchantId) {
    return as(merchantId, "live");
  }
}
