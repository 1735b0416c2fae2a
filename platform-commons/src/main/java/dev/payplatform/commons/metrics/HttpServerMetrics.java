package dev.payplatform.commons.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * {@code http_server_requests_seconds}: one series per route template (never per object id) with
 * latency buckets, so Prometheus can compute percentiles per route across replicas
 * (docs/operations.md, "Metrics").
 */
@Singleton
public class HttpServerMetrics {
  static final String NAME = "http.server.requests";

  /** Bucket bounds: from a cached key lookup to the upstream timeout. */
  static final double[] BUCKETS_NANOS =
      Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000)
          .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
          .toArray();

  @Produces
  @Singleton
  public MeterFilter routeTemplatesAndBuckets() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!NAME.equals(id.getName())) {
          return id;
        }
        String uri = id.getTag("uri");
        String template = UriTemplates.of(uri);
        if (uri == null || template.equals(uri)) {
          return id;
        }
        return id.replaceTags(Tags.of(id.getTagsAsIterable()).and("uri", template));
      }

      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!NAME.equals(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(BUCKETS_NANOS)
            .build()
            .merge(config);
      }
    };
  }
}
