package dev.payplatform.commons.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from Kafka: the {@code ce_*} headers and the JSON data. Consumers map {@link
 * #data()} onto their own payload classes (tolerant reader: unknown fields are ignored).
 */
public record IncomingEvent(
    String id,
    String type,
    String source,
    String subject,
    String time,
    String merchantId,
    Boolean livemode,
    String requestId,
    JsonNode data) {

  /** Reads a record; a record without {@code ce_id}/{@code ce_type} is not one of ours. */
  public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
    String id = header(record, CloudEventHeaders.ID);
    String type = header(record, CloudEventHeaders.TYPE);
    if (id == null || type == null) {
      throw new IllegalArgumentException(
          "record at "
              + record.topic()
              + "/"
              + record.partition()
              + "@"
              + record.offset()
              + " has no CloudEvents headers");
    }
    String live = header(record, CloudEventHeaders.LIVEMODE);
    JsonNode data;
    try {
      data = record.value() == null ? json.nullNode() : json.readTree(record.value());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event " + id + " has a body that is not JSON", e);
    }
    return new IncomingEvent(
        id,
        type,
        header(record, CloudEventHeaders.SOURCE),
        header(record, CloudEventHeaders.SUBJECT),
        header(record, CloudEventHeaders.TIME),
        header(record, CloudEventHeaders.MERCHANT_ID),
        live == null ? null : Boolean.valueOf(live),
        header(record, CloudEventHeaders.REQUEST_ID),
        data);
  }

  /**
   * A CloudEvent record's type from its headers alone, without reading its body; null when the
   * record does not carry both {@code ce_id} and {@code ce_type}.
   */
  public static String typeOf(ConsumerRecord<?, ?> record) {
    Header id = record.headers().lastHeader(CloudEventHeaders.ID);
    return id == null || id.value() == null ? null : header(record, CloudEventHeaders.TYPE);
  }

  /** A record's event id ({@code ce_id}) from its headers alone; null when it has none. */
  public static String idOf(ConsumerRecord<?, ?> record) {
    return header(record, CloudEventHeaders.ID);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
