package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Proxied requests are measured per route template with latency buckets, never per object. */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class MetricsPerRouteTemplateTest {

  @Test
  void aProxiedPathIsTaggedByItsTemplateWithHistogramBuckets() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    for (String id : new String[] {"we_AAAAAAAAAAAAAAAAAAAAAA", "we_BBBBBBBBBBBBBBBBBBBBBB"}) {
      given()
          .header("X-Api-Key", m.testKey())
          .contentType("application/json")
          .body("{}")
          .post("/v1/webhook_endpoints/" + id + "/test")
          .then()
          .statusCode(200);
    }
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("uri=\"/v1/webhook_endpoints/{id}/test\"")
        .contains("http_server_requests_seconds_bucket")
        .doesNotContain("we_AAAAAAAAAAAAAAAAAAAAAA")
        .doesNotContain("we_BBBBBBBBBBBBBBBBBBBBBB");
  }
}
