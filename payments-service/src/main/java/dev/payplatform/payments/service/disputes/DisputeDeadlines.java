package dev.payplatform.payments.service.disputes;

import dev.payplatform.commons.sweep.ItemSweep;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.config.PaymentsConfig;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.DisputeStatus;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Disputes left unanswered past {@code evidence_due_by}: a chargeback is lost, an inquiry closes
 * (DisputeOutcomes). Each in its own transaction under its row's lock, re-checked there.
 */
@ApplicationScoped
public class DisputeDeadlines implements ItemSweep<String> {
  static final String SWEEP = "payments.dispute-deadlines";
  private static final String DUE =
      "select id from dispute where status in ('needs_response', 'warning_needs_response')"
          + " and evidence_due_by <= ?1 order by evidence_due_by limit 100";

  private final DisputeOutcomes outcomes;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;

  public DisputeDeadlines(DisputeOutcomes outcomes, InstantSource clock, PaymentsConfig config) {
    this.outcomes = outcomes;
    this.clock = clock;
    this.schedule = new Sweep.Schedule(SWEEP, config.disputes().sweepInterval());
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  @Override
  @WithSession
  public Uni<List<String>> due() {
    return Sweeps.dueIds(DUE, Timestamps.now(clock));
  }

  @Override
  @WithTransaction
  public Uni<Boolean> resolve(String id) {
    Instant now = Timestamps.now(clock);
    return Dispute.<Dispute>findById(id, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            d -> {
              if (d == null
                  || !DisputeStatus.AWAITING_RESPONSE.contains(d.status)
                  || !d.pastDue(now)) {
                return Uni.createFrom().item(false);
              }
              return outcomes
                  .close(d, d.status.givenUp(), "no evidence by its deadline")
                  .replaceWith(true);
            });
  }
}
