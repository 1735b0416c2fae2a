package dev.payplatform.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The published documentation's samples ({@code documented-samples.yaml}) as OpenAPI examples. */
final class DocumentedSamples {
  /** One sample: the operation ({@code POST /v1/customers}), its body and answer. */
  record Sample(
      String operation,
      String name,
      String source,
      JsonNode request,
      Integer status,
      JsonNode response) {

    String method() {
      return operation.substring(0, operation.indexOf(' ')).toLowerCase(Locale.ROOT);
    }

    String path() {
      return operation.substring(operation.indexOf(' ') + 1);
    }
  }

  private final List<Sample> samples;

  DocumentedSamples(Path root) throws IOException {
    this.samples = load();
  }

  static List<Sample> load() throws IOException {
    try (InputStream in =
        DocumentedSamples.class.getClassLoader().getResourceAsStream("documented-samples.yaml")) {
      return MergeOpenApi.YAML.readValue(in, new TypeReference<List<Sample>>() {});
    }
  }

  /** The reference's name of a sample's path: parameters may be named differently. */
  static String pathOf(JsonNode paths, String samplePath) {
    String wanted = MergeOpenApi.concrete(samplePath);
    for (var it = paths.fieldNames(); it.hasNext(); ) {
      String p = it.next();
      if (MergeOpenApi.concrete(p).equals(wanted)) {
        return p;
      }
    }
    return samplePath;
  }

  /**
   * Adds each sample to its operation; a sample of an operation the reference lacks is an error.
   */
  void addTo(ObjectNode paths) {
    for (Sample s : samples) {
      JsonNode op = paths.path(pathOf(paths, s.path())).path(s.method());
      if (!(op instanceof ObjectNode operation)) {
        throw new IllegalStateException(
            "documented sample " + s.name() + " is for " + s.operation() + ", which is not routed");
      }
      if (s.request() != null && !s.request().isNull()) {
        ObjectNode example =
            ((ObjectNode)
                    operation
                        .withObjectProperty("requestBody")
                        .withObjectProperty("content")
                        .withObjectProperty("application/json"))
                .withObjectProperty("examples")
                .putObject(s.name());
        example.put("summary", s.source());
        example.set("value", s.request());
      }
      if (s.status() != null && s.response() != null && !s.response().isNull()) {
        ObjectNode answer =
            (ObjectNode)
                operation.withObjectProperty("responses").withObjectProperty(s.status().toString());
        if (!answer.has("description")) {
          answer.put("description", "As documented");
        }
        ObjectNode example =
            ((ObjectNode)
                    answer.withObjectProperty("content").withObjectProperty("application/json"))
                .withObjectProperty("examples")
                .putObject(s.name());
        example.put("summary", s.source());
        example.set("value", s.response());
      }
    }
  }
}
