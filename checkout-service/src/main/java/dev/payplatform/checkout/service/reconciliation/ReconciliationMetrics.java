package dev.payplatform.checkout.service.reconciliation;

import dev.payplatform.checkout.domain.reconciliation.ReconciliationItem;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code platform_reconciliation_differences{kind}}: the open differences, counted in the database
 * after every run and resolution and on every pass of the daily job, so each replica shows the same
 * number (the alert takes the max); {@code platform_reconciliation_items_total{kind}}: items made
 * by this replica.
 */
@ApplicationScoped
public class ReconciliationMetrics {
  private static final String OPEN =
      "select kind, count(*) from reconciliation_item where status = 'open' group by kind";

  private final Map<ReconciliationKind, AtomicLong> open = new EnumMap<>(ReconciliationKind.class);
  private final Map<ReconciliationKind, Counter> items = new EnumMap<>(ReconciliationKind.class);

  public ReconciliationMetrics(MeterRegistry registry) {
    for (ReconciliationKind kind : ReconciliationKind.values()) {
      items.put(
          kind,
          Counter.builder("platform_reconciliation_items")
              .description("Reconciliation items made, by kind")
              .tag("kind", kind.wire())
              .register(registry));
      if (kind.difference()) {
        AtomicLong n = new AtomicLong();
        open.put(kind, n);
        Gauge.builder("platform_reconciliation_differences", n, AtomicLong::get)
            .description("Open reconciliation differences, by kind")
            .tag("kind", kind.wire())
            .register(registry);
      }
    }
  }

  void counted(List<ReconciliationItem> made) {
    made.forEach(i -> items.get(i.kind).increment());
  }

  /** Recounts the open differences (inside or outside a session). */
  public Uni<Void> refresh() {
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(s -> s.createNativeQuery(OPEN, Object[].class).getResultList()))
        .invoke(
            rows -> {
              open.values().forEach(n -> n.set(0));
              for (Object[] r : rows) {
                AtomicLong n = open.get(ReconciliationKind.valueOf(((String) r[0]).toUpperCase()));
                if (n != null) {
                  n.set(((Number) r[1]).longValue());
                }
              }
            })
        .replaceWithVoid();
  }
}
