package dev.payplatform.edge.proxy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.edge.service.AnonymousLimits;
import dev.payplatform.edge.service.KeyPrincipal;
import dev.payplatform.edge.service.RateLimiter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitStepTest {
  private static final dev.payplatform.edge.config.EdgeConfig CONFIG =
      StepHarness.config(
          Map.of(
              "edge.rate-limit.anonymous.requests", "3",
              "edge.rate-limit.link-visits.requests", "1"));

  private static Limit limit() {
    return new Limit(new RateLimiter(CONFIG), new AnonymousLimits(CONFIG), CONFIG);
  }

  @Test
  void aMerchantPastItsRatePerSecondIs429WithWhenToRetry() {
    KeyPrincipal key = new KeyPrincipal("key_1", "mer_1", Mode.TEST, "Shop", null, 2, null);
    try (StepHarness step = StepHarness.after(x -> x.authenticated(key, null), limit())) {
      step.request()
          .get("/v1/products")
          .then()
          .statusCode(200)
          .header("X-RateLimit-Limit", "2")
          .header("X-RateLimit-Remaining", "1");
      step.request().get("/v1/products").then().statusCode(200);
      step.request()
          .get("/v1/products")
          .then()
          .statusCode(429)
          .header("Retry-After", notNullValue())
          .body("content", equalTo("Rate limit of 2 requests per second exceeded. Retry later."));
    }
  }

  @Test
  void aPublicRouteIsLimitedPerClientAddress() {
    try (StepHarness step = StepHarness.after(x -> {}, limit())) {
      for (int i = 0; i < 3; i++) {
        step.request().get("/checkout/cs_1").then().statusCode(200);
      }
      step.request()
          .get("/checkout/cs_1")
          .then()
          .statusCode(429)
          .header("Retry-After", notNullValue())
          .body("content", equalTo("Too many requests for this client address. Retry later."));
    }
  }

  @Test
  void aPaymentLinksPageIsLimitedPerLinkButItsThanksPageIsNot() {
    try (StepHarness step = StepHarness.after(x -> {}, limit())) {
      step.request().get("/link/plink_a").then().statusCode(200);
      step.request()
          .get("/link/plink_a")
          .then()
          .statusCode(429)
          .body("content", equalTo("Too many requests for this payment link. Retry later."));
      step.request().get("/link/plink_a/thanks").then().statusCode(200);
    }
  }
}
