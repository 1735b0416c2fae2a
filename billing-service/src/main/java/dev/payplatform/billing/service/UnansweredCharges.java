package dev.payplatform.billing.service;

import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.commons.sweep.Sweeps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every off-session renewal charge a deadline: a charge request checkout has not answered
 * within {@code billing.renewal.charge-answer-deadline} (the request was dead-lettered, checkout
 * was down, an answer was lost) is asked again or failed into the retry schedule by {@link
 * SubscriptionLifecycle#chargeUnanswered}. Before, {@code next_action_at} stayed null while the
 * charge was pending, and the subscription waited for ever.
 */
@ApplicationScoped
public class UnansweredCharges {
  static final String SWEEP = "billing.unanswered-charges";
  private static final int BATCH = 100;
  private static final String DUE =
      "select i.subscription_id, i.id from invoice i where i.charge_pending"
          + " and i.charge_requested_at < ?1 order by i.charge_requested_at limit "
          + BATCH;

  private final SubscriptionLifecycle lifecycle;
  private final Sweeps sweeps;
  private final Clock clock;
  private final Duration deadline;
  private final int maxRequests;

  public UnansweredCharges(
      SubscriptionLifecycle lifecycle,
      Sweeps sweeps,
      Clock clock,
      @ConfigProperty(name = "billing.renewal.charge-answer-deadline") Duration deadline,
      @ConfigProperty(name = "billing.renewal.max-charge-requests") int maxRequests) {
    this.lifecycle = lifecycle;
    this.sweeps = sweeps;
    this.clock = clock;
    this.deadline = deadline;
    this.maxRequests = maxRequests;
  }

  @Scheduled(
      every = "${billing.sweep.every}",
      delayed = "${billing.sweep.every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return sweeps.run(SWEEP, this::sweepOnce);
  }

  Uni<Sweeps.Pass> sweepOnce() {
    Instant cutoff = clock.instant().minus(deadline);
    return due(cutoff)
        .chain(
            rows -> Sweeps.resolveEach(rows, r -> resolve((String) r[0], (String) r[1], cutoff)));
  }

  private Uni<List<Object[]>> due(Instant cutoff) {
    return Panache.withSession(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(DUE, Object[].class)
                            .setParameter(1, cutoff)
                            .getResultList()));
  }

  /** One invoice, in its own transaction: the subscription's lock first, as everywhere. */
  @WithTransaction
  Uni<Boolean> resolve(String subscriptionId, String invoiceId, Instant cutoff) {
    return lifecycle
        .lock(subscriptionId)
        .chain(
            s ->
                s == null
                    ? Uni.createFrom().item(false)
                    : Invoice.<Invoice>findById(invoiceId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(
                            inv ->
                                inv == null
                                        || inv.chargeRequestedAt == null
                                        || !inv.chargeRequestedAt.isBefore(cutoff)
                                    ? Uni.createFrom().item(false)
                                    : lifecycle.chargeUnanswered(s, inv, maxRequests)));
  }
}
