package dev.payplatform.billing.service.invoices;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Renewals in real time: finds subscriptions whose next scheduled transition (period end, retry,
 * trial end, expiry) is due on their own clock and runs it, one subscription per transaction. The
 * row lock and the one-renewal-per-period index make concurrent sweeps (several replicas) and test
 * clock advances safe.
 */
@ApplicationScoped
public class RenewalSweep {
  private static final Logger LOG = Logger.getLogger(RenewalSweep.class);
  private static final int BATCH = 200;
  private static final String DUE =
      "select id from subscription where next_action_at is not null"
          + " and next_action_at <= now() + clock_offset_seconds * interval '1 second'"
          + " order by next_action_at limit "
          + BATCH;

  private final Renewals renewals;
  private final EarlyChargeOutcomes earlyOutcomes;

  public RenewalSweep(Renewals renewals, EarlyChargeOutcomes earlyOutcomes) {
    this.renewals = renewals;
    this.earlyOutcomes = earlyOutcomes;
  }

  @Scheduled(
      identity = "billing-renewal-sweep",
      every = "${billing.sweep.every}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return dueSubscriptions()
        .chain(
            ids ->
                Multi.createFrom()
                    .iterable(ids)
                    .onItem()
                    .transformToUniAndConcatenate(
                        id ->
                            renewals
                                .runDue(id)
                                .onFailure()
                                .invoke(e -> LOG.errorf(e, "renewal sweep failed for %s", id))
                                .onFailure()
                                .recoverWithNull())
                    .collect()
                    .last()
                    .replaceWith(ids.size()))
        .invoke(n -> LOG.debugf("renewal sweep ran %d subscriptions", n))
        .chain(earlyOutcomes::forgetStale)
        .onFailure()
        .invoke(e -> LOG.error("renewal sweep failed", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<List<String>> dueSubscriptions() {
    return Panache.withSession(
        () ->
            Panache.getSession()
                .chain(s -> s.createNativeQuery(DUE, String.class).getResultList()));
  }
}
