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
 * The sandbox's decisions on submitted test-mode disputes, as Stripe's test mode makes them
 * (docs/disputes.md): {@code winning_evidence} in the uncategorized text wins, {@code
 * losing_evidence} loses, anything else stays under review; an inquiry closes. Live disputes are
 * decided by the acquirer, never here.
 */
@ApplicationScoped
public class SandboxDisputeDecisions implements ItemSweep<String> {
  static final String SWEEP = "payments.sandbox-dispute-decisions";
  static final String WINNING = "winning_evidence";
  static final String LOSING = "losing_evidence";
  private static final String DUE =
      "select id from dispute where not livemode and status in ('under_review',"
          + " 'warning_under_review') and decide_at <= ?1 order by decide_at limit 100";

  private final DisputeOutcomes outcomes;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;

  public SandboxDisputeDecisions(
      DisputeOutcomes outcomes, InstantSource clock, PaymentsConfig config) {
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
                  || d.livemode
                  || d.decideAt == null
                  || d.decideAt.isAfter(now)
                  || (d.status != DisputeStatus.UNDER_REVIEW
                      && d.status != DisputeStatus.WARNING_UNDER_REVIEW)) {
                return Uni.createFrom().item(false);
              }
              DisputeStatus outcome = decide(d);
              d.decideAt = null;
              if (outcome == null) {
                // Neither test phrase: it stays under review, as in Stripe's test mode.
                return Uni.createFrom().item(true);
              }
              return outcomes.close(d, outcome, "the sandbox's decision").replaceWith(true);
            });
  }

  /** The outcome the evidence earns, or null when it decides nothing. */
  static DisputeStatus decide(Dispute d) {
    if (d.status == DisputeStatus.WARNING_UNDER_REVIEW) {
      return DisputeStatus.WARNING_CLOSED;
    }
    String text = d.evidence.uncategorizedText();
    if (text == null) {
      return null;
    }
    if (text.contains(WINNING)) {
      return DisputeStatus.WON;
    }
    return text.contains(LOSING) ? DisputeStatus.LOST : null;
  }
}
