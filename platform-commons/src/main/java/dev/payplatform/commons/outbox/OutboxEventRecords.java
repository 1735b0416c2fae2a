package dev.payplatform.commons.outbox;

import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.tracing.TraceParents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What an {@code outbox_event} row becomes on its topic: a Kafka record keyed by the aggregate,
 * with CloudEvents binary-mode headers, and the publish span it carries to its consumers. Apart
 * from the publishing loop because this is the wire format consumers depend on, not how or when
 * rows go out.
 */
final class OutboxEventRecords {
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

  private final Tracer tracer;

  OutboxEventRecords(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * The publish span of a row written inside a trace (a row without one, from a sweep say, gets an
   * invalid span and no header): a child of the writer's span, and the parent of its consumers'.
   */
  Span publishSpan(ResultSet rs) throws SQLException {
    String traceparent = rs.getString("traceparent");
    if (traceparent == null) {
      return Span.getInvalid();
    }
    String topic = rs.getString("topic");
    return tracer
        .spanBuilder(topic + " publish")
        .setParent(TraceParents.parent(traceparent))
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", topic)
        .setAttribute("messaging.message.id", rs.getString("event_id"))
        .setAttribute("cloudevents.event_type", rs.getString("event_type"))
        .startSpan();
  }

  /** Ends a batch's publish spans: the first {@code acknowledged} succeeded, the rest did not. */
  static void endSpans(List<Span> spans, int acknowledged, String failure) {
    for (int i = 0; i < spans.size(); i++) {
      if (i >= acknowledged) {
        spans.get(i).setStatus(StatusCode.ERROR, failure);
      }
      spans.get(i).end();
    }
  }

  ProducerRecord<String, String> toRecord(ResultSet rs, Span span) throws SQLException {
    RecordHeaders headers = new RecordHeaders();
    header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
    header(headers, CloudEventHeaders.ID, rs.getString("event_id"));
    header(headers, CloudEventHeaders.TYPE, rs.getString("event_type"));
    header(headers, CloudEventHeaders.SOURCE, rs.getString("source"));
    header(headers, CloudEventHeaders.SUBJECT, rs.getString("subject"));
    header(
        headers,
        CloudEventHeaders.TIME,
        RFC3339.format(rs.getTimestamp("occurred_at").toInstant()));
    header(headers, CloudEventHeaders.MERCHANT_ID, rs.getString("merchant_id"));
    Object live = rs.getObject("livemode");
    header(headers, CloudEventHeaders.LIVEMODE, live == null ? null : live.toString());
    header(headers, CloudEventHeaders.REQUEST_ID, rs.getString("request_id"));
    header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
    header(headers, TraceParents.HEADER, TraceParents.of(Context.root().with(span)));
    // Column 12 is the batch query's payload::text (OutboxBatchPublisher), unnamed there.
    return new ProducerRecord<>(
        rs.getString("topic"), null, rs.getString("aggregate_key"), rs.getString(12), headers);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
