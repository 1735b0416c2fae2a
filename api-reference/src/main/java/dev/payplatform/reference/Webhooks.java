package dev.payplatform.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The webhooks a merchant's endpoint receives (docs/webhooks.md): one per event type of {@code
 * docs/events/}, whose {@code data} is that type's schema. {@code merchants.events} is the
 * operators' topic and is never delivered to merchants, nor are reconciliation's events.
 */
final class Webhooks {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Webhooks() {}

  private static JsonNode inline(JsonNode node, JsonNode defs) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.asText().startsWith("#/$defs/")) {
        return inline(defs.get(ref.asText().substring("#/$defs/".length())).deepCopy(), defs);
      }
      ObjectNode copy = NODES.objectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), inline(e.getValue(), defs)));
      return copy;
    }
    if (node.isArray()) {
      var copy = NODES.arrayNode();
      node.forEach(n -> copy.add(inline(n, defs)));
      return copy;
    }
    return node;
  }

  static ObjectNode from(Path events) throws IOException {
    ObjectNode hooks = NODES.objectNode();
    List<Path> schemas;
    try (Stream<Path> files = Files.walk(events, 2)) {
      schemas =
          files
              .filter(f -> f.getFileName().toString().endsWith(".schema.json"))
              .filter(f -> !f.getParent().getFileName().toString().equals("merchants"))
              // reconciliation's runs and items are operators' too (docs/connectors.md)
              .filter(f -> !f.getFileName().toString().startsWith("reconciliation_"))
              .sorted()
              .toList();
    }
    for (Path file : schemas) {
      String type = file.getFileName().toString().replace(".schema.json", "");
      JsonNode data = MergeOpenApi.JSON.readTree(file.toFile());
      ObjectNode post = hooks.putObject(type).putObject("post");
      post.put("summary", type);
      post.put("description", data.path("description").asText(type));
      post.putArray("tags").add("Webhooks");
      ObjectNode schema =
          (ObjectNode)
              post.putObject("requestBody")
                  .put("required", true)
                  .putObject("content")
                  .putObject("application/json")
                  .putObject("schema");
      schema.put("type", "object");
      schema
          .putArray("required")
          .add("id")
          .add("object")
          .add("type")
          .add("timestamp")
          .add("livemode")
          .add("data");
      ObjectNode p = schema.putObject("properties");
      p.putObject("id").put("type", "string").put("description", "evt_…, equal to webhook-id");
      p.putObject("object").put("const", "event");
      p.putObject("type").put("const", type);
      p.putObject("timestamp").put("type", "string").put("format", "date-time");
      p.putObject("livemode").put("type", "boolean");
      p.putObject("subject").put("type", "string");
      p.putObject("sequence").put("type", "integer");
      ObjectNode body = ((ObjectNode) data).deepCopy();
      body.remove("$schema");
      body.remove("$id");
      JsonNode defs = body.remove("$defs");
      // Inside the reference, "#/$defs/…" would point at the document's root: inline them.
      p.set("data", defs == null ? body : inline(body, defs));
      ObjectNode ok = post.putObject("responses").putObject("2XX");
      ok.put(
          "description",
          "Received. Anything else (or no answer in 15 s) is retried; 410 disables the endpoint."
              + " Verify webhook-signature (Standard Webhooks) before trusting the body.");
    }
    return hooks;
  }
}
