package dev.payplatform.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tree operations {@link MergeOpenApi} applies to the services' OpenAPI documents: renamed
 * schemas' references rewritten, and one canonical order, so the merged file is the same byte for
 * byte from run to run. Apart because they are pure functions of JSON trees, with no files.
 */
final class OpenApiTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenApiTrees() {}

  /** Points every {@code $ref} to a renamed schema at its new name, in place. */
  static JsonNode rewriteRefs(JsonNode node, Map<String, String> renamed) {
    if (renamed.isEmpty()) {
      return node;
    }
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isTextual()) {
        String prefix = "#/components/schemas/";
        String name = ref.asText().substring(prefix.length());
        if (renamed.containsKey(name)) {
          o.put("$ref", prefix + renamed.get(name));
        }
      }
      o.fields().forEachRemaining(e -> rewriteRefs(e.getValue(), renamed));
    } else if (node.isArray()) {
      node.forEach(n -> rewriteRefs(n, renamed));
    }
    return node;
  }

  /**
   * Paths sorted, each path's operations in one method order and each operation's answers by
   * status: the merged file is the same byte for byte whatever order the services listed them in.
   */
  static ObjectNode canonical(ObjectNode paths) {
    List<String> order = List.of("get", "put", "post", "patch", "delete", "head", "options");
    ObjectNode out = NODES.objectNode();
    sorted(paths)
        .fields()
        .forEachRemaining(
            p -> {
              ObjectNode item = out.putObject(p.getKey());
              for (String method : order) {
                JsonNode op = p.getValue().get(method);
                if (op instanceof ObjectNode operation) {
                  JsonNode responses = operation.get("responses");
                  if (responses instanceof ObjectNode r) {
                    operation.set("responses", sorted(r));
                  }
                  item.set(method, operation);
                }
              }
            });
    return out;
  }

  static ObjectNode sorted(ObjectNode node) {
    ObjectNode out = NODES.objectNode();
    new TreeMap<String, JsonNode>(toMap(node)).forEach(out::set);
    return out;
  }

  private static Map<String, JsonNode> toMap(ObjectNode node) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }
}
