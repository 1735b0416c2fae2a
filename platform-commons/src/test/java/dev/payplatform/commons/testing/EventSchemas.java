package dev.payplatform.commons.testing;

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

/**
 * The published JSON Schemas of one topic, {@code docs/events/<topic>/<type>.schema.json}, read
 * from the repository: the contract every emitted event is checked against.
 */
public final class EventSchemas {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  // Formats (date-time) are annotations only in 2020-12 unless asserted.
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private final String topic;

  private EventSchemas(String topic) {
    this.topic = topic;
  }

  /** The schemas of {@code docs/events/<topic>/}, e.g. {@code forTopic("payments")}. */
  public static EventSchemas forTopic(String topic) {
    return new EventSchemas(topic);
  }

  public Path file(String eventType) {
    String relative = "docs/events/" + topic + "/" + eventType + ".schema.json";
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("no " + relative + " above here");
  }

  /** Shorthand for {@code forTopic(topic).violations(eventType, data)}. */
  public static Set<String> violations(String topic, String eventType, JsonNode data) {
    return forTopic(topic).violations(eventType, data);
  }

  /** The schema violations of {@code data}, as readable strings; empty when it conforms. */
  public Set<String> violations(String eventType, JsonNode data) {
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
