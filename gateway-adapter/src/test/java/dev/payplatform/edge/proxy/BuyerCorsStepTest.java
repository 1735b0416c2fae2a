package dev.payplatform.edge.proxy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.payplatform.commons.web.RouteTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BuyerCorsStepTest {
  private static StepHarness step;

  @BeforeAll
  static void start() {
    step = StepHarness.after(x -> {}, new BuyerCors(RouteTable.load("edge-routes.txt")));
  }

  @AfterAll
  static void stop() {
    step.close();
  }

  @Test
  void aPreflightForABuyersCallIsAnsweredAndCached() {
    step.request()
        .header("Origin", "https://shop.example")
        .header("Access-Control-Request-Method", "POST")
        .options("/v1/payments/intent")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Allow-Methods", "POST")
        .header("Access-Control-Max-Age", "600");
  }

  @Test
  void aPreflightForAKeyRouteGetsNoCorsAndGoesOn() {
    step.request()
        .header("Origin", "https://shop.example")
        .header("Access-Control-Request-Method", "POST")
        .options("/v1/products")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void aBuyersCallIsReadableCrossOriginAndAKeyRoutesIsNot() {
    step.request()
        .header("Origin", "https://shop.example")
        .get("/v1/payments/session/cs_1")
        .then()
        .statusCode(200)
        .body("passed", equalTo(true))
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
    step.request()
        .header("Origin", "https://shop.example")
        .get("/v1/products")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
