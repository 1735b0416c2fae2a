package dev.payplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders, and every object in it is valid against its typed model or schema. */
class OverlaysAreValidTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectBindsToItsModelWithNoUnknownField(String overlay) {
    List<JsonNode> docs = Rendered.overlay(overlay);
    assertThat(docs).hasSizeGreaterThan(20);
    List<String> problems = new ArrayList<>();
    for (JsonNode doc : docs) {
      problems.addAll(TypedModels.problems(doc));
    }
    assertThat(problems).as("invalid objects in overlay %s", overlay).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void cloudNativePgObjectsAreValid(String overlay) {
    List<JsonNode> cnpg =
        Rendered.overlay(overlay).stream()
            .filter(d -> TypedModels.CNPG.contains(Rendered.kind(d)))
            .toList();
    // seven clusters (a database per service, and the card vault's) and their daily backups
    assertThat(cnpg).hasSize(14);
    assertThat(CnpgModels.validate(cnpg)).doesNotContain("INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theOverlayShapesTheEnvironment(String overlay) {
    List<JsonNode> docs = Rendered.overlay(overlay);
    List<JsonNode> deployments = Rendered.ofKind(docs, "Deployment");
    assertThat(deployments).hasSize(6);
    for (JsonNode d : deployments) {
      int replicas = d.path("spec").path("replicas").asInt();
      JsonNode pod = d.path("spec").path("template").path("spec");
      JsonNode container = pod.path("containers").get(0);
      assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
          .isTrue();
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
      assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
          .isEqualTo("/q/health/live");
      assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
          .isEqualTo("/q/health/ready");
      if (overlay.equals("prod")) {
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        assertThat(pod.path("affinity").path("podAntiAffinity").isMissingNode()).isFalse();
      } else {
        assertThat(replicas).isEqualTo(1);
      }
    }
    int hpas = Rendered.ofKind(docs, "HorizontalPodAutoscaler").size();
    int pdbs = Rendered.ofKind(docs, "PodDisruptionBudget").size();
    assertThat(hpas).isEqualTo(overlay.equals("prod") ? 6 : 0);
    assertThat(pdbs).isEqualTo(overlay.equals("prod") ? 6 : 0);
  }
}
