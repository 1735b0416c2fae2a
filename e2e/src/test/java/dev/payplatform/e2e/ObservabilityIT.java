package dev.payplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/local/platform observability up}: a real Prometheus scrapes every service under the
 * job names the Kubernetes ServiceMonitors give, with the same alert rules, and sees the platform's
 * own metrics.
 */
class ObservabilityIT {
  private static final String PROMETHEUS = "http://127.0.0.1:9090";

  private static void platform(String... args) throws Exception {
    Path log = Platform.STATE.resolve("logs/e2e-observability.log");
    List<String> command = new java.util.ArrayList<>();
    command.add("bash");
    command.add(Platform.ROOT.resolve("deploy/local/platform").toString());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(Platform.ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue())
        .as(
            "platform %s: %s",
            String.join(" ", args), Files.readString(log, StandardCharsets.UTF_8))
        .isZero();
  }

  @AfterAll
  static void stopPrometheus() throws Exception {
    platform("observability", "down");
  }

  private static JsonPath query(String promql) {
    return given()
        .queryParam("query", promql)
        .get(PROMETHEUS + "/api/v1/query")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void prometheusScrapesEveryServiceWithTheAlertRulesAndSeesThePlatformsMetrics() throws Exception {
    Platform.env();
    platform("observability", "up");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              JsonPath targets =
                  given().get(PROMETHEUS + "/api/v1/targets").then().extract().jsonPath();
              assertThat(targets.getList("data.activeTargets.labels.job"))
                  .containsExactlyInAnyOrder(
                      "gateway-adapter",
                      "checkout-service",
                      "payments-service",
                      "catalog-service",
                      "billing-service",
                      "events-service");
              assertThat(targets.getList("data.activeTargets.health", String.class))
                  .containsOnly("up");
            });
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              assertThat(query("platform_payments").getList("data.result.metric.status"))
                  .contains("pending", "completed");
              assertThat(
                      query("http_server_requests_seconds_bucket{job=\"gateway-adapter\"}")
                          .getList("data.result"))
                  .isNotEmpty();
              assertThat(query("outbox_lag_seconds").getList("data.result.metric.job"))
                  .contains("payments-service");
            });
    JsonPath rules = given().get(PROMETHEUS + "/api/v1/rules").then().extract().jsonPath();
    assertThat(rules.getList("data.groups[0].rules.name"))
        .contains("PayplatformOutboxLag", "PayplatformDeadLetters", "PayplatformWebhookBacklog");
  }
}
