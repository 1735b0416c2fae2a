package dev.payplatform.commons.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * W3C {@code traceparent} values for the places a trace crosses that no instrumentation covers: the
 * outbox row (written in a request, published later by the relay) and the Kafka record the relay
 * sends (read by {@link dev.payplatform.commons.messaging.EventConsumer}).
 */
public final class TraceParents {
  public static final String HEADER = "traceparent";

  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private TraceParents() {}

  /** The current span's traceparent; null outside a trace (or with tracing off). */
  public static String current() {
    return of(Context.current());
  }

  /** The traceparent of {@code context}'s span; null when it has no valid span. */
  public static String of(Context context) {
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>(2);
    W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
    return carrier.get(HEADER);
  }

  /** The context to continue from a stored or received traceparent; the root when there is none. */
  public static Context parent(String traceparent) {
    if (traceparent == null || traceparent.isBlank()) {
      return Context.root();
    }
    return W3CTraceContextPropagator.getInstance()
        .extract(Context.root(), Map.of(HEADER, traceparent), FROM_MAP);
  }
}
