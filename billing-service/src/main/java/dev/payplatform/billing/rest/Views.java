package dev.payplatform.billing.rest;

import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.PaymentLink;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.commons.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/** Builds the API representations, which need the public buyer-page URL. */
@ApplicationScoped
public class Views {
  private final BuyerUrls urls;
  private final InstantSource clock;

  public Views(BuyerUrls urls, InstantSource clock) {
    this.urls = urls;
    this.clock = clock;
  }

  /** {@code {pay public URL}/link/{id}}: the buyer page of a link or an invoice. */
  public String buyerPage(String id) {
    return urls.payUrl() + "/link/" + id;
  }

  public SubscriptionView subscription(Subscription s, Invoice latest) {
    return new SubscriptionView(
        s.id,
        "subscription",
        s.customerId,
        s.planId,
        s.status.wire(),
        s.amount,
        s.currency,
        s.intervalUnit,
        s.intervalCount,
        s.description,
        Timestamps.format(s.currentPeriodStart),
        Timestamps.format(s.currentPeriodEnd),
        Timestamps.format(s.trialStart),
        Timestamps.format(s.trialEnd),
        s.cancelAtPeriodEnd,
        Timestamps.format(s.canceledAt),
        Timestamps.format(s.endedAt),
        s.cancellationReason,
        s.defaultPaymentMethod,
        latest == null ? null : invoice(latest, s),
        s.livemode
            ? null
            : new SubscriptionView.TestClock(
                Timestamps.format(s.clockNow(clock.instant())), s.clockOffsetSeconds),
        s.livemode,
        Timestamps.format(s.createdAt));
  }

  public InvoiceView invoice(Invoice i, Subscription s) {
    boolean paidOnSession =
        Invoice.REASON_CREATE.equals(i.billingReason)
            && Subscription.ORIGIN_CHECKOUT_SESSION.equals(s.origin);
    return new InvoiceView(
        i.id,
        "invoice",
        i.subscriptionId,
        i.customerId,
        i.amount,
        i.currency,
        i.status.wire(),
        i.billingReason,
        i.attemptCount,
        i.paymentId,
        Timestamps.format(i.periodStart),
        Timestamps.format(i.periodEnd),
        Timestamps.format(i.nextPaymentAttempt),
        i.lastFailureReason,
        Timestamps.format(i.paidAt),
        i.isOpen() && !paidOnSession ? buyerPage(i.id) : null,
        i.livemode,
        Timestamps.format(i.createdAt));
  }

  public PaymentLinkResponse linkSummary(PaymentLink l) {
    return new PaymentLinkResponse(l.id, "payment_link", buyerPage(l.id), l.active);
  }

  public PaymentLinkView link(PaymentLink l) {
    return new PaymentLinkView(
        l.id,
        "payment_link",
        buyerPage(l.id),
        l.active,
        l.amount,
        l.currency,
        l.description,
        l.paidCount,
        l.livemode,
        Timestamps.format(l.createdAt),
        Timestamps.format(l.updatedAt));
  }
}
