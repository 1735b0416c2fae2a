package dev.payplatform.billing;

import dev.payplatform.commons.testing.TestApi;
import io.restassured.specification.RequestSpecification;

/** Calls billing-service as the edge would, with a merchant's internal JWT. */
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

  static RequestSpecification asLive(String merchantId) {
    return as(merchantId, "live");
  }
}
