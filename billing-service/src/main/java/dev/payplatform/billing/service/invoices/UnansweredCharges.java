package dev.payplatform.billing.service.invoices;

import dev.payplatform.billing.config.BillingConfig;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.service.subscriptions.SubscriptionRows;
import dev.payplatform.commons.sweep.ItemSweep;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Gives every off-session renewal charge a deadline: a charge request checkout has not answered
 * within {@code billing.renewal.charge-answer-deadline} (the request was dead-lettered, checkout
 * was down, an answer was lost) is asked again or failed into the retry schedule ({@link
 * #chargeUnanswered}); without a deadline the subscription would wait for ever, since nothing is
 * scheduled while a charge is pending.
 */
@ApplicationScoped
public class UnansweredCharges implements ItemSweep<UnansweredCharges.Due> {
  static final String SWEEP = "billing.unanswered-charges";
  static final String CHARGE_UNANSWERED = "charge_unanswered";
  private static final Logger LOG = Logger.getLogger(UnansweredCharges.class);
  private static final int BATCH = 100;
  private static final String DUE =
      "select i.subscription_id, i.id from invoice i where i.charge_pending"
          + " and i.charge_requested_at < ?1 order by i.charge_requested_at limit "
          + BATCH;

  private final RenewalCharges charges;
  private final Renewals renewals;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;
  private final Duration deadline;
  private final int maxRequests;

  public UnansweredCharges(
      RenewalCharges charges, Renewals renewals, InstantSource clock, BillingConfig config) {
    this.charges = charges;
    this.renewals = renewals;
    this.clock = clock;
    this.schedule = new Sweep.Schedule(SWEEP, config.sweep().every());
    this.deadline = config.renewal().chargeAnswerDeadline();
    this.maxRequests = config.renewal().maxChargeRequests();
  }

  /** An invoice whose charge was requested before {@code cutoff}, the pass's deadline. */
  public record Due(String subscriptionId, String invoiceId, Instant cutoff) {}

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  @Override
  public Uni<List<Due>> due() {
    Instant cutoff = clock.instant().minus(deadline);
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(DUE, Object[].class)
                                .setParameter(1, cutoff)
                                .getResultList()))
        .map(
            rows -> rows.stream().map(r -> new Due((String) r[0], (String) r[1], cutoff)).toList());
  }

  /** One invoice, in its own transaction: the subscription's lock first, as everywhere. */
  @Override
  @WithTransaction
  public Uni<Boolean> resolve(Due due) {
    Instant cutoff = due.cutoff();
    return SubscriptionRows.lock(due.subscriptionId())
        .chain(
            s ->
                s == null
                    ? Uni.createFrom().item(false)
                    : Invoice.<Invoice>findById(due.invoiceId(), LockModeType.PESSIMISTIC_WRITE)
                        .chain(
                            inv ->
                                inv == null
                                        || inv.chargeRequestedAt == null
                                        || !inv.chargeRequestedAt.isBefore(cutoff)
                                    ? Uni.createFrom().item(false)
                                    : chargeUnanswered(s, inv)));
  }

  /**
   * The pending off-session charge of {@code inv} was not answered in time: request it again under
   * the same payment id (checkout charges one payment id at most once and answers a repeated
   * request with the outcome it has), or, after {@code maxRequests}, fail the attempt into the
   * retry schedule ({@code charge_unanswered}). A late success of that payment still pays the
   * invoice. Runs on a locked subscription and invoice; false when nothing was pending.
   */
  private Uni<Boolean> chargeUnanswered(Subscription s, Invoice inv) {
    if (!inv.isOpen() || !inv.chargePending) {
      return Uni.createFrom().item(false);
    }
    inv.updatedAt = Timestamps.now(clock);
    if (inv.chargeRequests < maxRequests) {
      LOG.warnf(
          "invoice %s: charge %s unanswered since %s, requesting it again",
          inv.id, inv.paymentId, inv.chargeRequestedAt);
      return charges.request(s, inv).replaceWith(true);
    }
    LOG.warnf(
        "invoice %s: charge %s unanswered after %d requests, failing the attempt",
        inv.id, inv.paymentId, inv.chargeRequests);
    return charges
        .failed(s, inv, CHARGE_UNANSWERED)
        .chain(() -> renewals.runDue(s))
        .replaceWith(true);
  }
}
