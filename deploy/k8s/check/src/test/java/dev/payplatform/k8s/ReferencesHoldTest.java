package dev.payplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a Deployment names exists; every topic a service uses has a KafkaTopic; every public route
 * reaches the edge; images and ports agree with the services.
 */
class ReferencesHoldTest {
  static final List<String> SERVICES =
      List.of(
          "gateway-adapter",
          "checkout-service",
          "payments-service",
          "catalog-service",
          "billing-service",
          "events-service");

  /** Secrets the operator creates (docs/operations.md, "Secrets the operator provides"). */
  static final Set<String> OPERATOR_SECRETS =
      Set.of(
          "payplatform-internal-jwt-public",
          "payplatform-internal-jwt-signing",
          "payplatform-checkout-token",
          "payplatform-admin-token",
          "payplatform-card-fingerprint",
          "payplatform-webhook-secret-key",
          "payplatform-console-sealing-key",
          "payplatform-payouts-sealing-key",
          "payplatform-vault-keys",
          "payplatform-edge-tls",
          "payplatform-backup-s3");

  private static Set<String> names(List<JsonNode> docs, String kind) {
    return Rendered.ofKind(docs, kind).stream().map(Rendered::name).collect(Collectors.toSet());
  }

  /** Secrets that exist once the overlay is applied: the operator's and CNPG's generated ones. */
  private static Set<String> availableSecrets(List<JsonNode> docs) {
    Set<String> secrets = new HashSet<>(OPERATOR_SECRETS);
    secrets.addAll(names(docs, "Secret"));
    for (JsonNode cluster : Rendered.ofKind(docs, "Cluster")) {
      secrets.add(Rendered.name(cluster) + "-app");
    }
    return secrets;
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyConfigMapSecretAndServiceADeploymentNamesExists(String overlay) {
    List<JsonNode> docs = Rendered.overlay(overlay);
    Set<String> configMaps = names(docs, "ConfigMap");
    Set<String> secrets = availableSecrets(docs);
    List<String> missing = new ArrayList<>();
    for (JsonNode d : Rendered.ofKind(docs, "Deployment")) {
      String name = Rendered.name(d);
      JsonNode pod = d.path("spec").path("template").path("spec");
      for (JsonNode c : pod.path("containers")) {
        for (JsonNode from : c.path("envFrom")) {
          String cm = from.path("configMapRef").path("name").asText(null);
          if (cm != null && !configMaps.contains(cm)) {
            missing.add(name + " envFrom ConfigMap " + cm);
          }
          String sec = from.path("secretRef").path("name").asText(null);
          if (sec != null && !secrets.contains(sec)) {
            missing.add(name + " envFrom Secret " + sec);
          }
        }
        for (JsonNode env : c.path("env")) {
          String sec = env.path("valueFrom").path("secretKeyRef").path("name").asText(null);
          if (sec != null && !secrets.contains(sec)) {
            missing.add(name + " env " + env.path("name").asText() + " Secret " + sec);
          }
          String cm = env.path("valueFrom").path("configMapKeyRef").path("name").asText(null);
          if (cm != null && !configMaps.contains(cm)) {
            missing.add(name + " env ConfigMap " + cm);
          }
        }
      }
      for (JsonNode v : pod.path("volumes")) {
        String sec = v.path("secret").path("secretName").asText(null);
        if (sec != null && !secrets.contains(sec)) {
          missing.add(name + " volume Secret " + sec);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void imagesPortsAndServicesAgreeWithTheServices(String overlay) throws IOException {
    List<JsonNode> docs = Rendered.overlay(overlay);
    for (String service : SERVICES) {
      JsonNode deployment =
          Rendered.ofKind(docs, "Deployment").stream()
              .filter(d -> Rendered.name(d).equals(service))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no Deployment " + service));
      JsonNode container =
          deployment.path("spec").path("template").path("spec").path("containers").get(0);
      assertThat(container.path("image").asText())
          .isEqualTo("ghcr.io/payplatform/" + service + ":0.1.0");
      JsonNode port = container.path("ports").get(0);
      assertThat(port.path("containerPort").asInt()).as(service).isEqualTo(8080);
      assertThat(port.path("name").asText()).isEqualTo("http");

      JsonNode svc =
          Rendered.ofKind(docs, "Service").stream()
              .filter(s -> Rendered.name(s).equals(service))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no Service " + service));
      JsonNode selector = svc.path("spec").path("selector");
      JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
      selector
          .fields()
          .forEachRemaining(
              e ->
                  assertThat(podLabels.path(e.getKey()).asText())
                      .as(service + " selector " + e.getKey())
                      .isEqualTo(e.getValue().asText()));
      JsonNode servicePort = svc.path("spec").path("ports").get(0);
      assertThat(servicePort.path("port").asInt()).isEqualTo(80);
      assertThat(servicePort.path("targetPort").asInt()).isEqualTo(8080);
      assertThat(servicePort.path("name").asText()).isEqualTo("http");
    }
    // The edge's upstream URLs name the services that exist.
    JsonNode edgeConfig =
        Rendered.ofKind(docs, "ConfigMap").stream()
            .filter(c -> Rendered.name(c).equals("gateway-adapter-config"))
            .findFirst()
            .orElseThrow();
    Set<String> services = names(docs, "Service");
    edgeConfig
        .path("data")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("EDGE_UPSTREAM_")) {
                Matcher m = Pattern.compile("http://([a-z-]+):80").matcher(e.getValue().asText());
                assertThat(m.matches()).as(e.getKey()).isTrue();
                assertThat(services).as(e.getKey()).contains(m.group(1));
              }
            });
    // ...and every service the edge's route table names has one (the edge reads
    // edge.upstream.<service> for each at start; without it the shipped 127.0.0.1 default stays).
    Set<String> upstreams = new HashSet<>();
    for (String line :
        Files.readAllLines(
            Rendered.ROOT.resolve("gateway-adapter/src/main/resources/edge-routes.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        upstreams.add(line.trim().split("\\s+")[2]);
      }
    }
    upstreams.remove("edge"); // the edge's own routes (the audit log) go to no upstream
    assertThat(upstreams).contains("events");
    for (String upstream : upstreams) {
      assertThat(edgeConfig.path("data").has("EDGE_UPSTREAM_" + upstream.toUpperCase()))
          .as("gateway-adapter-config sets EDGE_UPSTREAM_%s", upstream.toUpperCase())
          .isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void webhooksAreNeverAllowedToPrivateAddresses(String overlay) throws IOException {
    // events.webhooks.allowed-networks stays empty in the cluster: neither the service's profile
    // nor a ConfigMap or Deployment sets it, so webhooks cannot reach the cluster's Services,
    // loopback or the cloud metadata endpoint.
    Properties p = new Properties();
    try (InputStream in =
        Files.newInputStream(
            Rendered.ROOT.resolve("events-service/src/main/resources/application.properties"))) {
      p.load(in);
    }
    assertThat(p.getProperty("events.webhooks.allowed-networks", "")).isBlank();
    assertThat(p.getProperty("%kubernetes.events.webhooks.allowed-networks", "")).isBlank();
    List<JsonNode> docs = Rendered.overlay(overlay);
    for (JsonNode cm : Rendered.ofKind(docs, "ConfigMap")) {
      assertThat(cm.path("data").has("EVENTS_WEBHOOKS_ALLOWED_NETWORKS"))
          .as("ConfigMap %s sets EVENTS_WEBHOOKS_ALLOWED_NETWORKS", Rendered.name(cm))
          .isFalse();
    }
    for (JsonNode d : Rendered.ofKind(docs, "Deployment")) {
      for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
        for (JsonNode env : c.path("env")) {
          assertThat(env.path("name").asText())
              .as("Deployment %s env", Rendered.name(d))
              .isNotEqualTo("EVENTS_WEBHOOKS_ALLOWED_NETWORKS");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyTopicTheServicesAndTheEventCatalogNameHasAKafkaTopic(String overlay)
      throws IOException {
    List<JsonNode> docs = Rendered.overlay(overlay);
    Set<String> declared =
        Rendered.ofKind(docs, "KafkaTopic").stream()
            .map(t -> t.path("spec").path("topicName").asText())
            .collect(Collectors.toSet());
    Set<String> used = new HashSet<>();
    for (String service : SERVICES) {
      Properties p = new Properties();
      try (InputStream in =
          Files.newInputStream(
              Rendered.ROOT.resolve(service + "/src/main/resources/application.properties"))) {
        p.load(in);
      }
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("platform.topics.")) {
          used.add(p.getProperty(key));
        }
      }
    }
    String asyncapi = Files.readString(Rendered.ROOT.resolve("docs/asyncapi.yaml"));
    Matcher m = Pattern.compile("address: ([a-z.]+)").matcher(asyncapi);
    while (m.find()) {
      used.add(m.group(1));
    }
    assertThat(used).contains("payments.events", "checkout.events");
    assertThat(declared).containsAll(used);
    for (JsonNode t : Rendered.ofKind(docs, "KafkaTopic")) {
      assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText())
          .isEqualTo("payplatform");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyConsumersDeadLetterTopicHasAKafkaTopic(String overlay) throws IOException {
    List<JsonNode> docs = Rendered.overlay(overlay);
    Set<String> declared =
        Rendered.ofKind(docs, "KafkaTopic").stream()
            .map(t -> t.path("spec").path("topicName").asText())
            .collect(Collectors.toSet());
    // A consumer's id is the CONSUMER constant it gives EventHandlers.consumer(...); its dead
    // letters go to <consumer>.dlq (platform-commons DeadLetters, docs/decisions/0006).
    Pattern constant = Pattern.compile("static final String CONSUMER = \"([a-z.-]+)\";");
    Set<String> dlqs = new HashSet<>();
    for (String service : SERVICES) {
      Path sources = Rendered.ROOT.resolve(service + "/src/main/java");
      List<Path> files;
      try (Stream<Path> walk = Files.walk(sources)) {
        files = walk.filter(f -> f.toString().endsWith(".java")).toList();
      }
      for (Path f : files) {
        String java = Files.readString(f);
        if (!java.contains("EventHandlers.consumer(CONSUMER)")) {
          continue;
        }
        Matcher m = constant.matcher(java);
        assertThat(m.find()).as("%s names its CONSUMER", f).isTrue();
        dlqs.add(m.group(1) + ".dlq");
      }
    }
    assertThat(dlqs).contains("billing-checkout.dlq", "events-log.dlq");
    assertThat(declared).containsAll(dlqs);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyPublicRouteReachesTheEdgeAndNothingElseIsPublished(String overlay) throws IOException {
    List<JsonNode> docs = Rendered.overlay(overlay);
    JsonNode ingress = Rendered.ofKind(docs, "Ingress").get(0);
    Set<String> prefixes = new HashSet<>();
    for (JsonNode rule : ingress.path("spec").path("rules")) {
      for (JsonNode path : rule.path("http").path("paths")) {
        assertThat(path.path("backend").path("service").path("name").asText())
            .isEqualTo("gateway-adapter");
        assertThat(path.path("backend").path("service").path("port").path("name").asText())
            .isEqualTo("http");
        prefixes.add(path.path("path").asText());
      }
    }
    assertThat(ingress.path("spec").path("tls").get(0).path("secretName").asText())
        .isEqualTo("payplatform-edge-tls");
    // Every public path of the edge's route table (docs/api.md) is under a published prefix.
    for (String line :
        Files.readAllLines(
            Rendered.ROOT.resolve("gateway-adapter/src/main/resources/edge-routes.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String path = line.trim().split("\\s+")[1];
      assertThat(prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/")))
          .as("route %s is published", path)
          .isTrue();
    }
    assertThat(prefixes).doesNotContain("/admin", "/q");
    // The Gateway API alternative routes the same prefixes.
    String route = Files.readString(Rendered.ROOT.resolve("deploy/k8s/base/edge/httproute.yaml"));
    for (String p : prefixes) {
      assertThat(route).contains("value: " + p);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod"})
  void autoscalersAndBudgetsTargetTheDeployments(String overlay) {
    List<JsonNode> docs = Rendered.overlay(overlay);
    Set<String> deployments = names(docs, "Deployment");
    for (JsonNode hpa : Rendered.ofKind(docs, "HorizontalPodAutoscaler")) {
      assertThat(deployments)
          .contains(hpa.path("spec").path("scaleTargetRef").path("name").asText());
      assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
    }
    for (JsonNode pdb : Rendered.ofKind(docs, "PodDisruptionBudget")) {
      String app =
          pdb.path("spec")
              .path("selector")
              .path("matchLabels")
              .path("app.kubernetes.io/name")
              .asText();
      assertThat(deployments).contains(app);
    }
    Path generated = Rendered.ROOT.resolve("deploy/k8s/base/services/gateway-adapter.yaml");
    assertThat(generated).exists();
  }
}
