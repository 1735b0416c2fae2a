package dev.payplatform.commons.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calling a service under test as a merchant, the way the edge forwards a request. */
public final class TestApi {
  private TestApi() {}

  /** A merchant id no other test (or earlier run) uses, so tests never see each other's rows. */
  public static String newMerchant() {
    return "mer_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** A JSON request carrying the internal JWT of {@code merchantId} in {@code mode}. */
  public static RequestSpecification as(String merchantId, String mode) {
    return given()
        .auth()
        .oauth2(TestTokens.merchant(merchantId, mode))
        .contentType("application/json");
  }

  public static RequestSpecification asTest(String merchantId) {
    return as(merchantId, "test");
  }
}
