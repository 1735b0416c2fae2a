package dev.payplatform.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class QueryRedactionTest {

  /** What an exporter is handed, kept in memory. */
  private static final class Kept implements SpanExporter {
    final List<SpanData> spans = new CopyOnWriteArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
      return CompletableResultCode.ofSuccess();
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

  @Test
  void anExportedSpanNeverCarriesAQueryStringsValues() {
    Kept kept = new Kept();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(new QueryRedaction())
            .addSpanProcessor(SimpleSpanProcessor.create(kept))
            .build()) {
      Tracer tracer = provider.get("test");
      tracer
          .spanBuilder("GET")
          .setAttribute(
              "url.full",
              "http://checkout:80/v1/payment_intents/pi_1?client_secret=pi_1_secret_abc#top")
          .setAttribute("url.query", "client_secret=pi_1_secret_abc")
          .setAttribute("url.path", "/v1/payment_intents/pi_1")
          .startSpan()
          .end();
    }
    SpanData span = kept.spans.get(0);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("url.full")))
        .isEqualTo("http://checkout:80/v1/payment_intents/pi_1?***#top");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("url.query"))).isEqualTo("***");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("url.path")))
        .isEqualTo("/v1/payment_intents/pi_1");
    assertThat(span.getAttributes().toString()).doesNotContain("secret_abc");
  }

  @Test
  void aUrlWithoutAQueryIsLeftAlone() {
    assertThat(QueryRedaction.redact("https://example.com/a/b"))
        .isEqualTo("https://example.com/a/b");
    assertThat(QueryRedaction.redact("/a?x=1&y=2")).isEqualTo("/a?***");
  }
}
