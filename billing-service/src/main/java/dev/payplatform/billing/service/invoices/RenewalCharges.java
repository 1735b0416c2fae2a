package dev.payplatform.billing.service.invoices;

import dev.payplatform.billing.config.BillingConfig;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.InvoiceStatus;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.SubscriptionStatus;
import dev.payplatform.billing.messaging.BillingEvents;
import dev.payplatform.billing.service.payments.MerchantShown;
import dev.payplatform.billing.service.subscriptions.SubscriptionEndings;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Off-session charges of renewal invoices: each attempt asks checkout-service to charge the saved
 * payment method under a fresh payment id; a failed attempt moves the invoice along the retry
 * schedule, and the last one ends the subscription. Runs inside the caller's transaction on a
 * locked subscription.
 */
@ApplicationScoped
public class RenewalCharges {
  private final BillingEvents events;
  private final BillingConfig config;
  private final SubscriptionEndings endings;
  private final InstantSource clock;

  public RenewalCharges(
      BillingEvents events,
      BillingConfig config,
      SubscriptionEndings endings,
      InstantSource clock) {
    this.events = events;
    this.config = config;
    List<Integer> retryDays = config.renewal().retryDays();
    for (int i = 1; i < retryDays.size(); i++) {
      if (retryDays.get(i) <= retryDays.get(i - 1)) {
        throw new IllegalArgumentException("billing.renewal.retry-days must be increasing");
      }
    }
    this.endings = endings;
    this.clock = clock;
  }

  /** One off-session charge attempt with a fresh payment id; fails at once without a method. */
  Uni<Void> attempt(Subscription s, Invoice inv) {
    inv.attemptCount++;
    inv.paymentId = Ids.payment();
    inv.nextPaymentAttempt = null;
    inv.updatedAt = Timestamps.now(clock);
    if (s.defaultPaymentMethod == null) {
      inv.chargePending = false;
      return failed(s, inv, "no_payment_method");
    }
    inv.chargePending = true;
    inv.chargeRequests = 0;
    return request(s, inv);
  }

  /** Asks checkout-service (again) to charge the invoice's current attempt. */
  Uni<Void> request(Subscription s, Invoice inv) {
    inv.chargeRequests++;
    inv.chargeRequestedAt = Timestamps.now(clock);
    // The merchant's gateway account as billing knows it now: a live connector charges through it.
    return MerchantShown.of(s.merchantId, null)
        .chain(merchant -> events.chargeRequested(inv, s, merchant.gatewayAccountId()))
        .replaceWithVoid();
  }

  /**
   * A renewal attempt failed: retry on the schedule (days after the renewal date), or after the
   * last attempt give up: invoice uncollectible, subscription canceled.
   */
  Uni<Void> failed(Subscription s, Invoice inv, String reason) {
    inv.chargePending = false;
    inv.lastFailureReason = reason;
    inv.updatedAt = Timestamps.now(clock);
    if (inv.attemptCount >= config.renewal().maxAttempts()) {
      inv.moveTo(InvoiceStatus.UNCOLLECTIBLE, Timestamps.now(clock));
      return events
          .invoice(BillingEvents.INVOICE_PAYMENT_FAILED, inv, s)
          .chain(
              () ->
                  endings.end(
                      s,
                      inv,
                      SubscriptionStatus.CANCELED,
                      "payment_failed",
                      s.clockNow(clock.instant())))
          .replaceWithVoid();
    }
    int retryDays = config.renewal().retryDays().get(inv.attemptCount - 1);
    inv.nextPaymentAttempt = inv.periodStart.plus(Duration.ofDays(retryDays));
    Uni<String> failed = events.invoice(BillingEvents.INVOICE_PAYMENT_FAILED, inv, s);
    if (s.status == SubscriptionStatus.ACTIVE
        && s.moveTo(SubscriptionStatus.PAST_DUE, Timestamps.now(clock))) {
      return failed
          .chain(() -> events.subscription(BillingEvents.SUBSCRIPTION_PAST_DUE, s, inv))
          .replaceWithVoid();
    }
    return failed.replaceWithVoid();
  }
}
