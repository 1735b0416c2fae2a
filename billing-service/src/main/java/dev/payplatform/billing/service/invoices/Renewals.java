package dev.payplatform.billing.service.invoices;

import dev.payplatform.billing.config.BillingConfig;
import dev.payplatform.billing.domain.DueStep;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.SubscriptionStatus;
import dev.payplatform.billing.messaging.BillingEvents;
import dev.payplatform.billing.service.subscriptions.SubscriptionEndings;
import dev.payplatform.billing.service.subscriptions.SubscriptionRows;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Whatever a subscription's clock makes due (docs/billing.md): incomplete expiry, trial end,
 * renewal, retry, cancellation at period end; then the next one is scheduled. Runs on a
 * subscription row locked with {@link SubscriptionRows#lock}.
 */
@ApplicationScoped
public class Renewals {
  private static final Logger LOG = Logger.getLogger(Renewals.class);
  // A clock advanced far ahead stops at a charge in flight; this only bounds a runaway loop.
  private static final int MAX_STEPS = 100;

  private final BillingEvents events;
  private final BillingConfig config;
  private final SubscriptionEndings endings;
  private final RenewalCharges charges;
  private final InstantSource clock;

  public Renewals(
      BillingEvents events,
      BillingConfig config,
      SubscriptionEndings endings,
      RenewalCharges charges,
      InstantSource clock) {
    this.events = events;
    this.config = config;
    this.endings = endings;
    this.charges = charges;
    this.clock = clock;
  }

  /** The renewal sweep's unit of work: one subscription, locked, everything due applied. */
  @WithTransaction
  public Uni<Void> runDue(String id) {
    return SubscriptionRows.lock(id)
        .chain(s -> s == null ? Uni.createFrom().voidItem() : runDue(s));
  }

  /**
   * Runs every transition that is due on the subscription's clock, then schedules the next one.
   * Inside the caller's transaction.
   */
  public Uni<Void> runDue(Subscription s) {
    return step(s, 0);
  }

  private Uni<Void> step(Subscription s, int done) {
    return SubscriptionRows.latestInvoice(s)
        .chain(
            latest -> {
              if (done >= MAX_STEPS) {
                LOG.warnf("subscription %s: stopped after %d transitions", s.id, done);
                return schedule(s, latest);
              }
              return stepOnce(s, latest)
                  .chain(progressed -> progressed ? step(s, done + 1) : schedule(s, latest));
            });
  }

  private Uni<Void> schedule(Subscription s, Invoice latest) {
    s.scheduleNextAction(latest, config.incompleteExpiry());
    return Uni.createFrom().voidItem();
  }

  private Uni<Boolean> stepOnce(Subscription s, Invoice latest) {
    Instant now = s.clockNow(clock.instant());
    return switch (DueStep.of(s, latest, now, config.incompleteExpiry())) {
      case EXPIRE_INCOMPLETE ->
          endings.end(s, latest, SubscriptionStatus.INCOMPLETE_EXPIRED, "incomplete_expired", now);
      case CANCEL_AT_TRIAL_END ->
          endings.end(s, latest, SubscriptionStatus.CANCELED, "cancel_at_period_end", s.trialEnd);
      case ACTIVATE_AFTER_TRIAL -> activateAfterTrial(s, latest);
      case CANCEL_TRIAL_UNPAID ->
          endings.end(s, latest, SubscriptionStatus.CANCELED, "trial_ended_unpaid", s.trialEnd);
      case CANCEL_AT_PERIOD_END ->
          endings.end(
              s, latest, SubscriptionStatus.CANCELED, "cancel_at_period_end", s.currentPeriodEnd);
      case START_RENEWAL -> startRenewal(s).replaceWith(true);
      case RETRY_CHARGE -> charges.attempt(s, latest).replaceWith(true);
      case NONE -> Uni.createFrom().item(false);
    };
  }

  private Uni<Boolean> activateAfterTrial(Subscription s, Invoice paidFirstInvoice) {
    if (!s.moveTo(SubscriptionStatus.ACTIVE, Timestamps.now(clock))) {
      return Uni.createFrom().item(false);
    }
    s.billingCycleAnchor = s.trialEnd;
    s.enterPeriod(1);
    return events
        .subscription(BillingEvents.SUBSCRIPTION_ACTIVATED, s, paidFirstInvoice)
        .replaceWith(true);
  }

  /** The period ended: bill the next one and charge the saved payment method off-session. */
  private Uni<Void> startRenewal(Subscription s) {
    Instant now = s.clockNow(clock.instant());
    Invoice inv =
        Invoice.openFor(s, s.amount, s.currency, Invoice.REASON_CYCLE, now, Timestamps.now(clock));
    inv.periodStart = s.currentPeriodEnd;
    inv.periodEnd = s.periodBoundary(s.periodNumber + 1);
    s.updatedAt = Timestamps.now(clock);
    return inv.<Invoice>persist()
        .call(i -> events.invoice(BillingEvents.INVOICE_CREATED, i, s))
        .chain(i -> charges.attempt(s, i));
  }
}
