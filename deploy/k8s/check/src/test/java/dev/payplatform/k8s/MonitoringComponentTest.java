package dev.payplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The optional monitoring component (overlays/prod-monitoring): a ServiceMonitor for every
 * service's Service, alert rules Prometheus accepts ({@code promtool check rules}), each with a
 * runbook section that exists, and a dashboard that parses.
 */
class MonitoringComponentTest {
  private static final List<JsonNode> DOCS = Rendered.overlay("prod-monitoring");

  private static List<JsonNode> ofKind(String kind) {
    return Rendered.ofKind(DOCS, kind);
  }

  @Test
  void everyServiceIsScrapedOnItsMetricsEndpoint() {
    Set<String> services =
        ofKind("Service").stream()
            .map(s -> s.path("metadata").path("labels").path("app.kubernetes.io/name").asText())
            .filter(n -> n.equals("gateway-adapter") || n.endsWith("-service"))
            .collect(Collectors.toSet());
    assertThat(services).hasSize(6);
    Set<String> scraped =
        ofKind("ServiceMonitor").stream()
            .peek(
                m -> {
                  assertThat(m.path("metadata").path("namespace").asText())
                      .isEqualTo("payplatform");
                  JsonNode endpoint = m.path("spec").path("endpoints").get(0);
                  assertThat(endpoint.path("port").asText()).isEqualTo("http");
                  assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
                })
            .map(
                m ->
                    m.path("spec")
                        .path("selector")
                        .path("matchLabels")
                        .path("app.kubernetes.io/name")
                        .asText())
            .collect(Collectors.toSet());
    assertThat(scraped).isEqualTo(services);
  }

  @Test
  void theAlertRulesPassPromtoolAndEachHasARunbookSection() throws Exception {
    List<JsonNode> rules = ofKind("PrometheusRule");
    assertThat(rules).hasSize(1);
    Path file = Files.createTempFile("payplatform-rules", ".yaml");
    new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), rules.get(0).path("spec"));
    String out = Rendered.run(List.of(promtool(), "check", "rules", file.toString()), null);
    assertThat(out).contains("SUCCESS");

    String operations = Files.readString(Rendered.ROOT.resolve("docs/operations.md"));
    for (JsonNode group : rules.get(0).path("spec").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        String runbook = rule.path("annotations").path("runbook").asText();
        assertThat(runbook).as(rule.path("alert").asText()).startsWith("docs/operations.md#");
        String anchor = runbook.substring(runbook.indexOf('#') + 1);
        assertThat(operations)
            .as("docs/operations.md has the runbook anchor %s", anchor)
            .contains("<a id=\"" + anchor + "\"></a>");
      }
    }
  }

  @Test
  void theDashboardParsesAndQueriesTheMetricsTheServicesExport() throws Exception {
    JsonNode dashboard =
        new ObjectMapper()
            .readTree(
                Rendered.ROOT
                    .resolve("deploy/k8s/components/monitoring/dashboards/payplatform.json")
                    .toFile());
    String exprs = dashboard.path("panels").findValuesAsText("expr").toString();
    for (String metric :
        List.of(
            "platform_payments",
            "http_server_requests_seconds_bucket",
            "outbox_lag_seconds",
            "kafka_consumer_fetch_manager_records_lag_max",
            "platform_consumer_dead_letters_pending",
            "platform_webhook_oldest_undelivered_seconds",
            "platform_sweep_overdue")) {
      assertThat(exprs).contains(metric);
    }
    assertThat(
            ofKind("ConfigMap").stream()
                .anyMatch(
                    c ->
                        c.path("metadata")
                            .path("labels")
                            .path("grafana_dashboard")
                            .asText()
                            .equals("1")))
        .isTrue();
  }

  /** promtool from -Dpromtool, the platform's unpacked copy, or the PATH. */
  private static String promtool() {
    for (String candidate :
        List.of(
            System.getProperty("promtool", ""),
            Rendered.ROOT.resolve(".platform/tools/prometheus/usr/bin/promtool").toString(),
            "/usr/bin/promtool")) {
      if (!candidate.isEmpty() && Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new AssertionError(
        "promtool is missing: `deploy/local/platform test` unpacks it from Debian's prometheus"
            + " package into .platform/tools (or install that package)");
  }
}
