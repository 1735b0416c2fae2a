package dev.payplatform.commons.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The local trace exporter: one log line per finished span, with its trace, span and parent ids in
 * the line's MDC (so the JSON logs of every process can be searched for one trace id), its name,
 * kind, duration and outcome. On with {@code platform.tracing.log-spans=true} (the local platform);
 * while it is on, Quarkus leaves its OTLP exporter out (docs/operations.md, "Traces").
 *
 * <p>OpenTelemetry's own {@code LoggingSpanExporter} prints neither the duration nor the parent,
 * and dumps every attribute (a URL's query string among them); this prints a fixed, safe set.
 */
@Singleton
@LookupIfProperty(name = "platform.tracing.log-spans", stringValue = "true")
public class SpanLog implements SpanExporter {
  private static final Logger LOG = Logger.getLogger(SpanLog.class);
  private static final AttributeKey<Long> HTTP_STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    for (SpanData span : spans) {
      MDC.put("traceId", span.getTraceId());
      MDC.put("spanId", span.getSpanId());
      MDC.put("parentId", span.getParentSpanId());
      try {
        LOG.infof(
            "span \"%s\" %s %s ms%s%s%s",
            span.getName(),
            span.getKind().name().toLowerCase(Locale.ROOT),
            String.format(
                Locale.ROOT, "%.1f", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6),
            suffix(" status=", span.getAttributes().get(HTTP_STATUS)),
            suffix(" topic=", span.getAttributes().get(DESTINATION)),
            span.getStatus().getStatusCode() == StatusCode.ERROR ? " error" : "");
      } finally {
        MDC.remove("traceId");
        MDC.remove("spanId");
        MDC.remove("parentId");
      }
    }
    return CompletableResultCode.ofSuccess();
  }

  private static String suffix(String label, Object value) {
    return value == null ? "" : label + value;
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
