package dev.payplatform.billing.service.invoices;

import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.InvoiceOverpayment;
import dev.payplatform.billing.domain.InvoiceStatus;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.SubscriptionStatus;
import dev.payplatform.billing.messaging.BillingEvents;
import dev.payplatform.billing.service.refunds.DuplicatePaymentRefunds;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * What a charge's outcome does to its invoice and subscription: paid (activation, renewal,
 * recovery), failed (on-session counted, off-session into the retry schedule), paid twice (kept for
 * the automatic refund), or the hosted payment canceled. Runs inside the caller's transaction on a
 * locked subscription.
 */
@ApplicationScoped
public class InvoicePayments {
  private static final Logger LOG = Logger.getLogger(InvoicePayments.class);

  private final BillingEvents events;
  private final RenewalCharges charges;
  private final Renewals renewals;
  private final InstantSource clock;

  public InvoicePayments(
      BillingEvents events, RenewalCharges charges, Renewals renewals, InstantSource clock) {
    this.events = events;
    this.charges = charges;
    this.renewals = renewals;
    this.clock = clock;
  }

  /**
   * checkout-service reports a successful charge of {@code inv}: the first invoice activates the
   * subscription (its period starts now), a renewal advances the period and recovers a past_due
   * subscription. A second payment of a closed invoice is logged for the merchant to refund.
   */
  public Uni<Void> paid(
      Subscription s,
      Invoice inv,
      String paymentId,
      String paymentIntentId,
      String paymentMethodId) {
    if (!inv.isOpen()) {
      if (inv.status == InvoiceStatus.PAID && Objects.equals(paymentId, inv.paymentId)) {
        LOG.debugf("invoice %s: payment %s already applied", inv.id, paymentId);
        return Uni.createFrom().voidItem();
      }
      return overpaid(inv, paymentId);
    }
    boolean onSessionAttempt = !(inv.chargePending && Objects.equals(paymentId, inv.paymentId));
    if (onSessionAttempt) {
      inv.attemptCount++;
    }
    Instant realNow = Timestamps.now(clock);
    Instant now = s.clockNow(realNow);
    inv.moveTo(InvoiceStatus.PAID, realNow);
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
    s.updatedAt = realNow;
    Uni<Void> applied;
    if (!inv.isRenewal()) {
      applied = firstInvoicePaid(s, inv, now, realNow);
    } else {
      s.enterPeriod(s.periodNumber + 1);
      if (s.status == SubscriptionStatus.PAST_DUE) {
        s.moveTo(SubscriptionStatus.ACTIVE, realNow);
      }
      applied =
          events
              .invoice(BillingEvents.INVOICE_PAID, inv, s)
              .chain(() -> events.subscription(BillingEvents.SUBSCRIPTION_RENEWED, s, inv))
              .replaceWithVoid();
    }
    return applied.chain(() -> renewals.runDue(s));
  }

  private Uni<Void> firstInvoicePaid(Subscription s, Invoice inv, Instant now, Instant realNow) {
    if (s.status != SubscriptionStatus.INCOMPLETE) {
      // Trialing: paid ahead; the subscription turns active when the trial ends.
      return events.invoice(BillingEvents.INVOICE_PAID, inv, s).replaceWithVoid();
    }
    s.moveTo(SubscriptionStatus.ACTIVE, realNow);
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
                  inv.id, inv.status.wire(), paymentId);
              InvoiceOverpayment o = new InvoiceOverpayment();
              o.paymentId = paymentId;
              o.invoiceId = inv.id;
              o.merchantId = inv.merchantId;
              o.livemode = inv.livemode;
              o.amount = inv.amount;
              o.currency = inv.currency;
              o.detectedAt = Timestamps.now(clock);
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
      inv.updatedAt = Timestamps.now(clock);
    }
    return Uni.createFrom().voidItem();
  }

  /**
   * checkout-service reports a failed charge of {@code inv}. An off-session renewal attempt moves
   * the schedule on; an on-session attempt (the buyer on the hosted page) is only counted, since
   * the buyer may try another card. A failure of an earlier, superseded attempt is ignored.
   */
  public Uni<Void> failed(
      Subscription s, Invoice inv, String paymentId, boolean offSession, String reason) {
    if (!inv.isOpen()) {
      LOG.infof(
          "invoice %s is %s: ignoring failed payment %s", inv.id, inv.status.wire(), paymentId);
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
      return charges.failed(s, inv, why).chain(() -> renewals.runDue(s));
    }
    inv.attemptCount++;
    inv.lastFailureReason = why;
    inv.updatedAt = Timestamps.now(clock);
    return events.invoice(BillingEvents.INVOICE_PAYMENT_FAILED, inv, s).replaceWithVoid();
  }
}
