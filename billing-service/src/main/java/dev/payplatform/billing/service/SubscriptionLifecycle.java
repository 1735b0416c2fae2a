package dev.payplatform.billing.service;

import dev.payplatform.billing.config.BillingSettings;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.InvoiceOverpayment;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.Timestamps;
import dev.payplatform.billing.messaging.BillingEvents;
import dev.payplatform.commons.ids.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The subscription state machine (docs/billing.md). Every method runs inside the caller's
 * transaction on a subscription row the caller locked with {@link #lock}, so the renewal sweep, the
 * test clock and checkout's charge outcomes never interleave on one subscription.
 */
@ApplicationScoped
public class SubscriptionLifecycle {
  private static final Logger LOG = Logger.getLogger(SubscriptionLifecycle.class);
  // A clock advanced far ahead stops at a charge in flight; this only bounds a runaway loop.
  private static final int MAX_STEPS = 100;

  static final String CHARGE_UNANSWERED = "charge_unanswered";
  private final BillingEvents events;
  private final BillingSettings settings;

  public SubscriptionLifecycle(BillingEvents events, BillingSettings settings) {
    this.events = events;
    this.settings = settings;
  }

  /**
   * Loads and row-locks a subscription (select ... for update) for this transaction. By id alone:
   * for the sweep (every tenant) and for checkout's outcomes, whose invoice was found by tenant.
   */
  public Uni<Subscription> lock(String id) {
    return Subscription.<Subscription>find("id = ?1", id)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }

  /** Loads and row-locks a subscription of this tenant; null when there is none. */
  public Uni<Subscription> lock(Tenant tenant, String id) {
    return Subscription.<Subscription>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult();
  }

  public Uni<Invoice> latestInvoice(Subscription s) {
    if (s.latestInvoiceId == null) {
      return Uni.createFrom().nullItem();
    }
    return Invoice.findById(s.latestInvoiceId);
  }

  /**
   * Runs every transition that is due on the subscription's clock (expiry, trial end, renewal,
   * retry, cancellation at period end), then schedules the next one.
   */
  public Uni<Void> runDue(Subscription s) {
    return step(s, 0);
  }

  private Uni<Void> step(Subscription s, int done) {
    return latestInvoice(s)
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
    s.scheduleNextAction(latest, settings.incompleteExpiry());
    return Uni.createFrom().voidItem();
  }

  private Uni<Boolean> stepOnce(Subscription s, Invoice latest) {
    Instant now = s.clockNow();
    switch (s.status) {
      case Subscription.INCOMPLETE -> {
        if (!now.isBefore(s.incompleteUntil(settings.incompleteExpiry()))) {
          return end(s, latest, Subscription.INCOMPLETE_EXPIRED, "incomplete_expired", now);
        }
      }
      case Subscription.TRIALING -> {
        if (!now.isBefore(s.trialEnd)) {
          if (s.cancelAtPeriodEnd) {
            return end(s, latest, Subscription.CANCELED, "cancel_at_period_end", s.trialEnd);
          }
          if (latest != null && Invoice.PAID.equals(latest.status)) {
            return activateAfterTrial(s, latest);
          }
          return end(s, latest, Subscription.CANCELED, "trial_ended_unpaid", s.trialEnd);
        }
      }
      case Subscription.ACTIVE -> {
        if (s.currentPeriodEnd != null && !now.isBefore(s.currentPeriodEnd)) {
          if (s.cancelAtPeriodEnd) {
            return end(
                s, latest, Subscription.CANCELED, "cancel_at_period_end", s.currentPeriodEnd);
          }
          boolean renewalInFlight = latest != null && latest.isRenewal() && latest.isOpen();
          if (!renewalInFlight) {
            return startRenewal(s).replaceWith(true);
          }
        }
      }
      case Subscription.PAST_DUE -> {
        if (latest != null
            && latest.isOpen()
            && !latest.chargePending
            && latest.nextPaymentAttempt != null
            && !now.isBefore(latest.nextPaymentAttempt)) {
          return attempt(s, latest).replaceWith(true);
        }
      }
      default -> {
        // terminal: nothing is ever due
      }
    }
    return Uni.createFrom().item(false);
  }

  /** Ends the subscription; an invoice still open is voided. Emits subscription.canceled. */
  public Uni<Boolean> end(
      Subscription s, Invoice latest, String finalStatus, String reason, Instant at) {
    if (!s.end(finalStatus, reason, at)) {
      return Uni.createFrom().item(false);
    }
    if (latest != null && latest.isOpen()) {
      latest.moveTo(Invoice.VOID);
    }
    return events.subscription(BillingEvents.SUBSCRIPTION_CANCELED, s, latest).replaceWith(true);
  }

  private Uni<Boolean> activateAfterTrial(Subscription s, Invoice paidFirstInvoice) {
    if (!s.moveTo(Subscription.ACTIVE)) {
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
    Instant now = s.clockNow();
    Invoice inv = new Invoice();
    inv.id = Ids.newId(Invoice.ID_PREFIX);
    inv.merchantId = s.merchantId;
    inv.livemode = s.livemode;
    inv.subscriptionId = s.id;
    inv.customerId = s.customerId;
    inv.amount = s.amount;
    inv.currency = s.currency;
    inv.status = Invoice.OPEN;
    inv.billingReason = Invoice.REASON_CYCLE;
    inv.periodStart = s.currentPeriodEnd;
    inv.periodEnd = s.periodBoundary(s.periodNumber + 1);
    inv.createdAt = now;
    inv.updatedAt = Timestamps.now();
    s.latestInvoiceId = inv.id;
    s.updatedAt = Timestamps.now();
    return inv.<Invoice>persist()
        .call(i -> events.invoice(BillingEvents.INVOICE_CREATED, i, s))
        .chain(i -> attempt(s, i));
  }

  /** One off-session charge attempt with a fresh payment id; fails at once without a method. */
  private Uni<Void> attempt(Subscription s, Invoice inv) {
    inv.attemptCount++;
    inv.paymentId = Ids.newId("pay");
    inv.nextPaymentAttempt = null;
    inv.updatedAt = Timestamps.now();
    if (s.defaultPaymentMethod == null) {
      inv.chargePending = false;
      return chargeFailed(s, inv, "no_payment_method");
    }
    inv.chargePending = true;
    inv.chargeRequests = 0;
    return requestCharge(s, inv);
  }

  private Uni<Void> requestCharge(Subscription s, Invoice inv) {
    inv.chargeRequests++;
    inv.chargeRequestedAt = Timestamps.now();
    // The merchant's gateway account as billing knows it now: a live connector charges through it.
    return SubscriptionService.merchantOf(s.merchantId, null)
        .chain(merchant -> events.chargeRequested(inv, s, merchant.gatewayAccountId()))
        .replaceWithVoid();
  }

  /**
   * The pending off-session charge of {@code inv} was not answered in time: request it again under
   * the same payment id (checkout charges one payment id at most once and answers a repeated
   * request with the outcome it has), or, after {@code maxRequests}, fail the attempt into the
   * retry schedule ({@code charge_unanswered}). A late success of that payment still pays the
   * invoice. Runs on a locked subscription and invoice; false when nothing was pending.
   */
  public Uni<Boolean> chargeUnanswered(Subscription s, Invoice inv, int maxRequests) {
    if (!inv.isOpen() || !inv.chargePending) {
      return Uni.createFrom().item(false);
    }
    inv.updatedAt = Timestamps.now();
    if (inv.chargeRequests < maxRequests) {
      LOG.warnf(
          "invoice %s: charge %s unanswered since %s, requesting it again",
          inv.id, inv.paymentId, inv.chargeRequestedAt);
      return requestCharge(s, inv).replaceWith(true);
    }
    LOG.warnf(
        "invoice %s: charge %s unanswered after %d requests, failing the attempt",
        inv.id, inv.paymentId, inv.chargeRequests);
    return chargeFailed(s, inv, CHARGE_UNANSWERED).chain(() -> runDue(s)).replaceWith(true);
  }

  /**
   * A renewal attempt failed: retry on the schedule (days after the renewal date), or after the
   * last attempt give up: invoice uncollectible, subscription canceled.
   */
  private Uni<Void> chargeFailed(Subscription s, Invoice inv, String reason) {
    inv.chargePending = false;
    inv.lastFailureReason = reason;
    inv.updatedAt = Timestamps.now();
    if (inv.attemptCount >= settings.maxRenewalAttempts()) {
      inv.moveTo(Invoice.UNCOLLECTIBLE);
      return events
          .invoice(BillingEvents.INVOICE_PAYMENT_FAILED, inv, s)
          .chain(() -> end(s, inv, Subscription.CANCELED, "payment_failed", s.clockNow()))
          .replaceWithVoid();
    }
    int retryDays = settings.retryDays().get(inv.attemptCount - 1);
    inv.nextPaymentAttempt = inv.periodStart.plus(Duration.ofDays(retryDays));
    Uni<String> failed = events.invoice(BillingEvents.INVOICE_PAYMENT_FAILED, inv, s);
    if (Subscription.ACTIVE.equals(s.status) && s.moveTo(Subscription.PAST_DUE)) {
      return failed
          .chain(() -> events.subscription(BillingEvents.SUBSCRIPTION_PAST_DUE, s, inv))
          .replaceWithVoid();
    }
    return failed.replaceWithVoid();
  }

  /**
   * checkout-service reports a successful charge of {@code inv}: the first invoice activates the
   * subscription (its period starts now), a renewal advances the period and recovers a past_due
   * subscription. A second payment of a closed invoice is logged for the merchant to refund.
   */
  public Uni<Void> invoicePaid(
      Subscription s,
      Invoice inv,
      String paymentId,
      String paymentIntentId,
      String paymentMethodId) {
    if (!inv.isOpen()) {
      if (Invoice.PAID.equals(inv.status) && Objects.equals(paymentId, inv.paymentId)) {
        LOG.debugf("invoice %s: payment %s already applied", inv.id, paymentId);
        return Uni.createFrom().voidItem();
      }
      return overpaid(inv, paymentId);
    }
    boolean onSessionAttempt = !(inv.chargePending && Objects.equals(paymentId, inv.paymentId));
    if (onSessionAttempt) {
      inv.attemptCount++;
    }
    Instant now = s.clockNow();
    inv.moveTo(Invoice.PAID);
    inv.paidAt = now;
    // Paid: an off-session charge still pending for it no longer waits for an answer; its late
    // success would be a second payment, refunded as one.
    inv.chargePending = false;
    inv.paymentId = paymentId;
    if (paymentIntentId != null) {
      inv.paymentIntentId = paymentIntentId;
    }
    if (paymentMethodId != null) {
      s.defaultPaymentMethod = paymentMethodId;
    }
    s.updatedAt = Timestamps.now();
    Uni<Void> applied;
    if (!inv.isRenewal()) {
      applied = firstInvoicePaid(s, inv, now);
    } else {
      s.enterPeriod(s.periodNumber + 1);
      if (Subscription.PAST_DUE.equals(s.status)) {
        s.moveTo(Subscription.ACTIVE);
      }
      applied =
          events
              .invoice(BillingEvents.INVOICE_PAID, inv, s)
              .chain(() -> events.subscription(BillingEvents.SUBSCRIPTION_RENEWED, s, inv))
              .replaceWithVoid();
    }
    return applied.chain(() -> runDue(s));
  }

  private Uni<Void> firstInvoicePaid(Subscription s, Invoice inv, Instant now) {
    if (!Subscription.INCOMPLETE.equals(s.status)) {
      // Trialing: paid ahead; the subscription turns active when the trial ends.
      return events.invoice(BillingEvents.INVOICE_PAID, inv, s).replaceWithVoid();
    }
    s.moveTo(Subscription.ACTIVE);
    s.billingCycleAnchor = now;
    s.enterPeriod(1);
    // The first period starts at payment; the invoice covers exactly that period.
    inv.periodStart = s.currentPeriodStart;
    inv.periodEnd = s.currentPeriodEnd;
    return events
        .invoice(BillingEvents.INVOICE_PAID, inv, s)
        .chain(() -> events.subscription(BillingEvents.SUBSCRIPTION_ACTIVATED, s, inv))
        .replaceWithVoid();
  }

  /**
   * A payment succeeded for an invoice already paid by another payment, voided or closed: the buyer
   * paid twice. Recorded once per payment; {@link DuplicatePaymentRefunds} refunds it through the
   * refund path as soon as payments-service has announced the payment.
   */
  private Uni<Void> overpaid(Invoice inv, String paymentId) {
    return InvoiceOverpayment.<InvoiceOverpayment>findById(paymentId)
        .chain(
            known -> {
              if (known != null) {
                return Uni.createFrom().voidItem();
              }
              LOG.warnf(
                  "invoice %s is %s but payment %s for it succeeded: refunding it automatically",
                  inv.id, inv.status, paymentId);
              InvoiceOverpayment o = new InvoiceOverpayment();
              o.paymentId = paymentId;
              o.invoiceId = inv.id;
              o.merchantId = inv.merchantId;
              o.livemode = inv.livemode;
              o.amount = inv.amount;
              o.currency = inv.currency;
              o.detectedAt = Timestamps.now();
              return o.persist().replaceWithVoid();
            });
  }

  /**
   * checkout canceled the intent of the invoice's hosted payment (too many declines, its link
   * expired): the next visit starts a new payment.
   */
  public Uni<Void> hostedPaymentCanceled(Invoice inv, String paymentId) {
    if (Objects.equals(inv.hostedPaymentId, paymentId)) {
      inv.hostedPaymentId = null;
      inv.updatedAt = Timestamps.now();
    }
    return Uni.createFrom().voidItem();
  }

  /**
   * checkout-service reports a failed charge of {@code inv}. An off-session renewal attempt moves
   * the schedule on; an on-session attempt (the buyer on the hosted page) is only counted, since
   * the buyer may try another card. A failure of an earlier, superseded attempt is ignored.
   */
  public Uni<Void> invoicePaymentFailed(
      Subscription s, Invoice inv, String paymentId, boolean offSession, String reason) {
    if (!inv.isOpen()) {
      LOG.infof("invoice %s is %s: ignoring failed payment %s", inv.id, inv.status, paymentId);
      return Uni.createFrom().voidItem();
    }
    String why = reason == null ? "card_declined" : reason;
    if (inv.isRenewal() && offSession) {
      if (!inv.chargePending || !Objects.equals(paymentId, inv.paymentId)) {
        LOG.infof(
            "invoice %s: ignoring failure of payment %s (current attempt %s)",
            inv.id, paymentId, inv.paymentId);
        return Uni.createFrom().voidItem();
      }
      return chargeFailed(s, inv, why).chain(() -> runDue(s));
    }
    inv.attemptCount++;
    inv.lastFailureReason = why;
    inv.updatedAt = Timestamps.now();
    return events.invoice(BillingEvents.INVOICE_PAYMENT_FAILED, inv, s).replaceWithVoid();
  }
}
