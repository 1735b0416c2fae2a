package dev.payplatform.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** The reference the build just merged, and its schemas with every {@code $ref} resolved. */
final class Reference {
  static final Path ROOT = Path.of(System.getProperty("reference.root", "..")).normalize();
  static final Path GENERATED =
      Path.of(System.getProperty("reference.generated", "target/openapi.yaml"));

  private Reference() {}

  static JsonNode generated() throws IOException {
    return MergeOpenApi.YAML.readTree(GENERATED.toFile());
  }

  /** A schema with its component references replaced by what they name (schemas are acyclic). */
  static JsonNode resolved(JsonNode schema, JsonNode doc) {
    if (schema.isObject()) {
      JsonNode ref = schema.get("$ref");
      if (ref != null && ref.asText().startsWith("#/components/schemas/")) {
        String name = ref.asText().substring("#/components/schemas/".length());
        return resolved(doc.path("components").path("schemas").path(name), doc);
      }
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      schema.fields().forEachRemaining(e -> copy.set(e.getKey(), resolved(e.getValue(), doc)));
      return copy;
    }
    if (schema.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      schema.forEach(n -> copy.add(resolved(n, doc)));
      return copy;
    }
    return schema;
  }
}
