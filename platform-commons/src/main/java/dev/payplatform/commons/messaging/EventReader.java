package dev.payplatform.commons.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a consumed record for {@link EventConsumer}: passes over a type the table does not route,
 * reads the CloudEvent and maps its data onto the handler's payload record. Apart from the consumer
 * because it is pure (no database, no retries): whatever it refuses can never be applied.
 */
@ApplicationScoped
class EventReader {
  private final ObjectMapper json;

  EventReader(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The record ready to apply; null for a type this consumer does not handle.
   *
   * @throws MalformedEventException when it can never be applied
   */
  PreparedEvent read(EventHandlers table, ConsumerRecord<String, String> record) {
    // Most consumers handle a few of their topics' types: the others are passed over from the
    // ce_type header, before their body is parsed (docs/benchmarks.md, CPU per payment).
    String type = IncomingEvent.typeOf(record);
    if (type != null && table.route(type) == null) {
      return null;
    }
    IncomingEvent event;
    try {
      event = IncomingEvent.from(record, json);
    } catch (IllegalArgumentException unreadable) {
      throw new MalformedEventException(unreadable.getMessage(), unreadable);
    }
    EventHandlers.Route<?> route = table.route(event.type());
    if (route == null) {
      return null;
    }
    JsonNode data = event.data();
    if (data == null || !data.isObject()) {
      throw new MalformedEventException(event.type() + " " + event.id() + " has no object data");
    }
    Object payload;
    if (route.payloadType() == JsonNode.class) {
      payload = data;
    } else {
      try {
        payload = json.treeToValue(data, route.payloadType());
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new MalformedEventException(
            event.type() + " " + event.id() + " does not map: " + e.getMessage(), e);
      }
    }
    if (payload == null) {
      throw new MalformedEventException(event.type() + " " + event.id() + " has no data");
    }
    if (payload instanceof EventPayload p && p.problem() != null) {
      throw new MalformedEventException(event.type() + " " + event.id() + ": " + p.problem());
    }
    return new PreparedEvent(event, route, payload, record);
  }
}
