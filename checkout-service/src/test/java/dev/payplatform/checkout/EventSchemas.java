package dev.payplatform.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** The published JSON Schemas of docs/events/checkout/, read from the repository. */
final class EventSchemas {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  // Formats (date-time) are annotations only in 2020-12 unless asserted.
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private EventSchemas() {}

  static Path file(String eventType) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs/events/checkout/" + eventType + ".schema.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("no docs/events/checkout/" + eventType + ".schema.json above here");
  }

  /** The schema violations of {@code data}, as readable strings; empty when it conforms. */
  static Set<String> violations(String eventType, JsonNode data) {
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(file(eventType))) {
      schema = FACTORY.getSchema(in, CONFIG);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return schema.validate(data).stream()
        .map(ValidationMessage::getMessage)
        .collect(Collectors.toSet());
  }
}
