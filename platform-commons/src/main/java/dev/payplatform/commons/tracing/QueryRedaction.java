package dev.payplatform.commons.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Keeps query strings out of exported spans. Buyers' pages and the client-secret routes carry
 * secrets in the query ({@code ?client_secret=…}, a checkout link's {@code ?data=…}), and the HTTP
 * instrumentation records the full URL; a trace backend is no place for them. Runs when a span
 * starts, before any exporter sees it.
 */
@Singleton
public class QueryRedaction implements SpanProcessor {
  static final String REDACTED = "***";
  private static final List<AttributeKey<String>> QUERIES =
      List.of(AttributeKey.stringKey("url.query"));
  private static final List<AttributeKey<String>> URLS =
      List.of(
          AttributeKey.stringKey("url.full"),
          AttributeKey.stringKey("http.url"),
          AttributeKey.stringKey("http.target"));

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    for (AttributeKey<String> key : QUERIES) {
      String query = span.getAttribute(key);
      if (query != null && !query.isEmpty()) {
        span.setAttribute(key, REDACTED);
      }
    }
    for (AttributeKey<String> key : URLS) {
      String url = span.getAttribute(key);
      if (url != null) {
        String redacted = redact(url);
        if (!redacted.equals(url)) {
          span.setAttribute(key, redacted);
        }
      }
    }
  }

  /** The URL without its query's values: {@code /a?x=1} becomes {@code /a?***}. */
  static String redact(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int fragment = url.indexOf('#', q);
    return url.substring(0, q + 1) + REDACTED + (fragment < 0 ? "" : url.substring(fragment));
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }
}
