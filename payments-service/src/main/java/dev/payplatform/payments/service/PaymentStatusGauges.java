package dev.payplatform.payments.service;

import dev.payplatform.payments.domain.PaymentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code platform_payments{status,mode}}: how many payments are in each status, counted from the
 * table (one grouped query a minute), so every replica reports the same truth and a dashboard can
 * show the funnel and a pile-up of {@code pending} or {@code requires_action} (docs/operations.md).
 */
@ApplicationScoped
public class PaymentStatusGauges {
  private static final Logger LOG = Logger.getLogger(PaymentStatusGauges.class);
  private static final String COUNT =
      "select status, livemode, count(*) from payment group by status, livemode";

  private final Map<PaymentStatus, AtomicLong> test = new EnumMap<>(PaymentStatus.class);
  private final Map<PaymentStatus, AtomicLong> live = new EnumMap<>(PaymentStatus.class);

  public PaymentStatusGauges(MeterRegistry registry) {
    for (PaymentStatus s : PaymentStatus.values()) {
      test.put(s, gauge(registry, s, "test"));
      live.put(s, gauge(registry, s, "live"));
    }
  }

  private static AtomicLong gauge(MeterRegistry registry, PaymentStatus status, String mode) {
    AtomicLong value = new AtomicLong();
    Gauge.builder("platform.payments", value, AtomicLong::get)
        .description("Payments in each status and mode, counted from the payments table")
        .tag("status", status.publicWord())
        .tag("mode", mode)
        .register(registry);
    return value;
  }

  @Scheduled(
      identity = "payment-status-gauges",
      every = "${payments.metrics.status-count-interval:60s}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> refresh() {
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(s -> s.createNativeQuery(COUNT, Object[].class).getResultList()))
        .invoke(this::apply)
        .onFailure()
        .invoke(e -> LOG.warnf("counting payments by status failed: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  void apply(List<Object[]> rows) {
    Map<PaymentStatus, Long> seenTest = new EnumMap<>(PaymentStatus.class);
    Map<PaymentStatus, Long> seenLive = new EnumMap<>(PaymentStatus.class);
    for (Object[] r : rows) {
      PaymentStatus status = PaymentStatus.fromWord((String) r[0]).orElse(null);
      if (status != null) {
        (Boolean.TRUE.equals(r[1]) ? seenLive : seenTest).put(status, ((Number) r[2]).longValue());
      }
    }
    test.forEach((s, v) -> v.set(seenTest.getOrDefault(s, 0L)));
    live.forEach((s, v) -> v.set(seenLive.getOrDefault(s, 0L)));
  }
}
