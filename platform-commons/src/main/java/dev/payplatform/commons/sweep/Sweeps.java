package dev.payplatform.commons.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One pass of a scheduled sweep (a janitor that gives every non-final state an owner), run the same
 * way everywhere: what it found overdue is published as the gauge {@code platform_sweep_overdue}
 * (tag {@code sweep}), what it resolved is counted ({@code platform_sweep_resolved_total}), every
 * pass that completed is counted ({@code platform_sweep_passes_total}: a sweep that is running at
 * all, after a database failover for instance), and a failed pass is logged and counted ({@code
 * platform_sweep_failures_total}) and simply runs again at the next tick. Replicas may run the same
 * sweep at once: each pass must lock the rows it resolves and re-check them under the lock, so
 * every row is resolved exactly once.
 */
@ApplicationScoped
public class Sweeps {
  private static final Logger LOG = Logger.getLogger(Sweeps.class);
  private final MeterRegistry metrics;
  private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();

  public Sweeps(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  /** What one pass saw: rows past their deadline when it started, and how many it resolved. */
  public record Pass(long overdue, long resolved) {
    public static final Pass NOTHING = new Pass(0, 0);
  }

  /**
   * A pass over {@code due}, one item after another: {@code resolve} answers whether it resolved
   * the item (each call opens its own transaction, so one failure does not undo the others).
   */
  public static <T> Uni<Pass> resolveEach(List<T> due, Function<T, Uni<Boolean>> resolve) {
    return Multi.createFrom()
        .iterable(due)
        .onItem()
        .<Boolean>transformToUniAndConcatenate(item -> resolve.apply(item))
        .filter(Boolean::booleanValue)
        .collect()
        .asList()
        .map(done -> new Pass(due.size(), done.size()));
  }

  /**
   * The ids a native query finds due: {@code sql} selects one text column and takes the pass's
   * {@code now} as its one parameter ({@code ?1}), bounded by its own {@code limit}. Runs in the
   * caller's session (an {@link ItemSweep#due()} under {@code @WithSession}).
   */
  public static Uni<List<String>> dueIds(String sql, Instant now) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(sql, String.class)
                    .setParameter(1, now.atOffset(ZoneOffset.UTC))
                    .getResultList());
  }

  /** Runs one pass of the sweep {@code name}; never fails. */
  public Uni<Void> run(String name, Supplier<Uni<? extends Pass>> pass) {
    AtomicLong gauge =
        overdue.computeIfAbsent(
            name,
            n -> metrics.gauge("platform.sweep.overdue", Tags.of("sweep", n), new AtomicLong()));
    return Uni.createFrom()
        .<Pass>deferred(pass)
        .invoke(
            p -> {
              gauge.set(Math.max(0, p.overdue() - p.resolved()));
              metrics.counter("platform.sweep.passes", "sweep", name).increment();
              if (p.resolved() > 0) {
                metrics.counter("platform.sweep.resolved", "sweep", name).increment(p.resolved());
                LOG.infof("sweep %s resolved %d of %d overdue", name, p.resolved(), p.overdue());
              }
            })
        .onFailure()
        .invoke(
            e -> {
              metrics.counter("platform.sweep.failures", "sweep", name).increment();
              LOG.warnf("sweep %s failed (%s); it runs again at its next tick", name, e.toString());
            })
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
