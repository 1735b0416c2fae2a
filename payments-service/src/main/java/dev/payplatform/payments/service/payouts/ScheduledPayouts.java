package dev.payplatform.payments.service.payouts;

import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.config.PaymentsConfig;
import dev.payplatform.payments.domain.PayoutSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The payout schedule's sweep: each merchant and mode whose next run is due on its payout clock
 * runs it ({@link PayoutRuns}), in its own transaction under its settings row's lock; a replica
 * skips rows another holds, so each run happens once.
 */
@ApplicationScoped
public class ScheduledPayouts implements Sweep {
  private static final String DUE =
      "select merchant_id || ' ' || livemode from payout_settings where next_run_at is not null"
          + " and next_run_at <= cast(?1 as timestamptz) + make_interval(secs => clock_offset_seconds)"
          + " order by next_run_at limit 100";
  private static final String TAKE =
      "select 1 from payout_settings where merchant_id = ?1 and livemode = ?2"
          + " and next_run_at <= cast(?3 as timestamptz) + make_interval(secs => clock_offset_seconds)"
          + " for update skip locked";

  private final PayoutRuns runs;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;

  public ScheduledPayouts(PayoutRuns runs, InstantSource clock, PaymentsConfig config) {
    this.runs = runs;
    this.clock = clock;
    this.schedule =
        new Sweep.Schedule(
            "payouts-schedule", config.payouts().scheduleSweep(), Duration.ofSeconds(5));
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  @Override
  public Uni<Sweeps.Pass> pass() {
    Instant now = Timestamps.now(clock);
    return Panache.withSession(() -> Sweeps.dueIds(DUE, now))
        .chain((List<String> due) -> Sweeps.resolveEach(due, key -> run(key, now)));
  }

  private Uni<Boolean> run(String key, Instant now) {
    String merchantId = key.substring(0, key.indexOf(' '));
    boolean livemode = key.endsWith("true");
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(TAKE, Integer.class)
                            .setParameter(1, merchantId)
                            .setParameter(2, livemode)
                            .setParameter(3, now.atOffset(ZoneOffset.UTC))
                            .getResultList()
                            .chain(
                                taken ->
                                    taken.isEmpty()
                                        ? Uni.createFrom().item(false)
                                        : s.find(
                                                PayoutSettings.class,
                                                new PayoutSettings.Key(merchantId, livemode))
                                            .chain(settings -> runs.runDue(settings, now))
                                            .replaceWith(true))));
  }
}
