package dev.payplatform.edge.proxy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.payplatform.commons.web.RouteTable;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MatchRouteStepTest {
  private static final RouteTable ROUTES = RouteTable.load("edge-routes.txt");
  private static StepHarness step;

  @BeforeAll
  static void start() {
    var config = StepHarness.config(Map.of("edge.upstream.catalog", "http://catalog:8083"));
    step = StepHarness.after(x -> {}, new MatchRoute(ROUTES, new Upstreams(config)));
  }

  @AfterAll
  static void stop() {
    step.close();
  }

  @Test
  void aRoutedRequestKnowsItsServiceAndWhereItAnswers() {
    step.request()
        .get("/v1/products/prod_1")
        .then()
        .statusCode(200)
        .body("service", equalTo("catalog"))
        .body("upstream", equalTo("http://catalog:8083"));
  }

  @Test
  void aPathNoRouteHasIs404AndAMethodItsRouteRefusesIs405() {
    step.request().get("/v1/nothing").then().statusCode(404).body("title", equalTo("Not found"));
    step.request()
        .delete("/v1/balance")
        .then()
        .statusCode(405)
        .body("title", equalTo("Method not allowed"));
  }

  @Test
  void aServiceWithSeveralReplicasKnowsThemAll() {
    var config =
        StepHarness.config(
            Map.of("edge.upstream.catalog", "http://127.0.0.1:8083, http://127.0.0.1:8183"));
    try (StepHarness twoReplicas =
        StepHarness.after(x -> {}, new MatchRoute(ROUTES, new Upstreams(config)))) {
      twoReplicas
          .request()
          .get("/v1/products/prod_1")
          .then()
          .statusCode(200)
          .body("upstream", equalTo("http://127.0.0.1:8083,http://127.0.0.1:8183"));
    }
  }

  @Test
  void anUpstreamThatIsNotABaseUrlStopsTheEdgeFromStarting() {
    var config = StepHarness.config(Map.of("edge.upstream.catalog", "http://catalog:8083/v1"));
    assertThatThrownBy(() -> new Upstreams(config)).hasMessageContaining("not a base URL");
  }

  @Test
  void aServiceWithoutAnUpstreamStopsTheEdgeFromStarting() {
    var config =
        Map.of(
            "edge.jwt.signing-key",
            "k",
            "edge.admin-token",
            "t",
            "edge.upstream.catalog",
            "http://catalog:8083");
    assertThatThrownBy(() -> new MatchRoute(ROUTES, new Upstreams(StepHarness.exactly(config))))
        .hasMessageContaining("edge.upstream.");
  }
}
