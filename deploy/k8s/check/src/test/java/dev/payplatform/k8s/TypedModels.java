package dev.payplatform.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds each rendered object to its typed model (fabric8 for Kubernetes and the Gateway API,
 * Strimzi's api for Kafka) and rejects anything the model does not know: those models keep unknown
 * fields in {@code additionalProperties} instead of failing, so a misspelt field would pass a plain
 * bind; this walks the bound object and reports every non-empty {@code additionalProperties}.
 */
final class TypedModels {
  static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
          Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
          Map.entry(
              "v1/PersistentVolumeClaim",
              io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class),
          Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
          Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
          Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
          Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
          Map.entry(
              "autoscaling/v2/HorizontalPodAutoscaler",
              io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
          Map.entry(
              "policy/v1/PodDisruptionBudget",
              io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
          Map.entry(
              "networking.k8s.io/v1/Ingress",
              io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
          Map.entry(
              "gateway.networking.k8s.io/v1/HTTPRoute",
              io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class),
          Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
          Map.entry(
              "kafka.strimzi.io/v1beta2/KafkaNodePool",
              io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
          Map.entry(
              "kafka.strimzi.io/v1beta2/KafkaTopic",
              io.strimzi.api.kafka.model.topic.KafkaTopic.class));

  /** Kinds validated by the CloudNativePG models instead (see {@link CnpgModels}). */
  static final List<String> CNPG =
      List.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup");

  private TypedModels() {}

  /** Problems found binding {@code doc}; empty when it is a valid object of a known kind. */
  static List<String> problems(JsonNode doc) {
    String kind = Rendered.kind(doc);
    String where = kind + " " + Rendered.name(doc);
    Class<?> model = MODELS.get(kind);
    if (model == null) {
      return CNPG.contains(kind) ? List.of() : List.of(where + ": no typed model for this kind");
    }
    Object bound;
    try {
      bound = Rendered.STRICT.treeToValue(doc, model);
    } catch (Exception e) {
      return List.of(where + ": " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    walk(bound, where, problems, new IdentityHashMap<>());
    return problems;
  }

  private static void walk(
      Object o, String path, List<String> problems, IdentityHashMap<Object, Boolean> seen) {
    if (o == null || seen.containsKey(o) || !isModel(o.getClass())) {
      return;
    }
    seen.put(o, true);
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !m.getName().startsWith("get")
          || m.getName().equals("getClass")) {
        continue;
      }
      Object value;
      try {
        value = m.invoke(o);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      String child = path + "." + m.getName().substring(3);
      if (m.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(path + ": unknown field(s) " + extra.keySet());
        }
      } else if (value instanceof Collection<?> c) {
        int i = 0;
        for (Object item : c) {
          walk(item, child + "[" + i++ + "]", problems, seen);
        }
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          walk(e.getValue(), child + "[" + e.getKey() + "]", problems, seen);
        }
      } else {
        walk(value, child, problems, seen);
      }
    }
  }

  private static boolean isModel(Class<?> c) {
    String n = c.getName();
    return (n.startsWith("io.fabric8.kubernetes.api.model") || n.startsWith("io.strimzi.api"))
        && !c.isEnum();
  }
}
