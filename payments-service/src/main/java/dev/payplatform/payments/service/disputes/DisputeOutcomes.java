package dev.payplatform.payments.service.disputes;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.state.Transitions.Move;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.DisputeNotFound;
import dev.payplatform.payments.domain.DisputeStatus;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import dev.payplatform.payments.service.ledger.DisputeLedger;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * How a dispute ends, the one place: its final status, a won chargeback's money back to available
 * (DisputeLedger), and {@code charge.dispute.closed} (with {@code funds_reinstated} when money came
 * back). Runs in the caller's transaction on a dispute it has locked; ending it twice does nothing.
 */
@ApplicationScoped
public class DisputeOutcomes {
  private static final Logger LOG = Logger.getLogger(DisputeOutcomes.class);

  private final DisputeLedger ledger;
  private final PaymentOutbox events;
  private final InstantSource clock;

  public DisputeOutcomes(DisputeLedger ledger, PaymentOutbox events, InstantSource clock) {
    this.ledger = ledger;
    this.events = events;
    this.clock = clock;
  }

  /** Ends {@code d} as {@code outcome}; an illegal move throws (409). */
  public Uni<Dispute> close(Dispute d, DisputeStatus outcome, String why) {
    DisputeStatus.TRANSITIONS.move(d.id, d.status, outcome);
    Instant now = Timestamps.now(clock);
    if (d.moveTo(outcome, now) == Move.UNCHANGED) {
      return Uni.createFrom().item(d);
    }
    LOG.infof("dispute %s of payment %s %s (%s)", d.id, d.paymentId, outcome.wire(), why);
    boolean reinstate = outcome == DisputeStatus.WON && d.fundsWithdrawn && !d.fundsReinstated;
    Uni<Void> money = reinstate ? ledger.reinstate(d) : Uni.createFrom().voidItem();
    return money
        .chain(() -> events.emit(d, PaymentEvents.DISPUTE_CLOSED, now))
        .chain(
            () ->
                reinstate
                    ? events.emit(d, PaymentEvents.DISPUTE_FUNDS_REINSTATED, now)
                    : Uni.createFrom().voidItem())
        .replaceWith(d);
  }

  /**
   * The acquirer's decision on a live dispute under review, recorded by an operator ({@code POST
   * /admin/disputes/{id}/outcome}); in test mode the sandbox decides (SandboxDisputeDecisions).
   */
  @WithTransaction
  public Uni<Dispute> recordDecision(String id, DisputeStatus outcome) {
    return Dispute.<Dispute>findById(id, LockModeType.PESSIMISTIC_WRITE)
        .onItem()
        .ifNull()
        .failWith(() -> new DisputeNotFound(id))
        .chain(d -> close(d, outcome, "the acquirer's decision"));
  }

  /** The caller's dispute, locked for a change: another merchant's or mode's is not found. */
  static Uni<Dispute> lockOwn(Tenant tenant, String id) {
    return Dispute.<Dispute>find(Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new DisputeNotFound(id));
  }
}
