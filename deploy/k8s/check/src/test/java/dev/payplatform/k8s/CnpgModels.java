package dev.payplatform.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CloudNativePG has no Java model: its objects are validated with the models generated from the
 * CNPG CRDs ({@code @kubernetes-models/cloudnative-pg}, installed from the npm registry into
 * deploy/k8s/check/cnpg-schema on first use) by a small Node script.
 */
final class CnpgModels {
  private static final Path DIR = Rendered.ROOT.resolve("deploy/k8s/check/cnpg-schema");

  private CnpgModels() {}

  /** The validator's report; throws with it when an object is invalid. */
  static String validate(List<JsonNode> objects) {
    if (!Files.isDirectory(DIR.resolve("node_modules/@kubernetes-models/cloudnative-pg"))) {
      Rendered.run(
          List.of("npm", "ci", "--no-audit", "--no-fund", "--silent", "--prefix", DIR.toString()),
          null);
    }
    try {
      return Rendered.run(
          List.of("node", DIR.resolve("validate.js").toString()),
          Rendered.STRICT.writeValueAsString(objects));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
