package dev.payplatform.billing.rest;

import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.commons.time.Timestamps;

/**
 * An invoice as the API shows it (inside a subscription as {@code latest_invoice}) and as the
 * invoice.* events carry it. Amounts in minor units; times ISO-8601 UTC to the second.
 *
 * @param paymentUrl the buyer page where this invoice can be paid on-session while it is open (null
 *     once it is closed, and for a checkout session's first invoice, paid on the session)
 */
public record InvoiceResponse(
    String id,
    String object,
    String subscriptionId,
    String customerId,
    long amount,
    String currency,
    String status,
    String billingReason,
    int attemptCount,
    String paymentId,
    String periodStart,
    String periodEnd,
    String nextPaymentAttempt,
    String failureReason,
    String paidAt,
    String paymentUrl,
    boolean livemode,
    String createdAt) {
  public static InvoiceResponse of(Invoice i, Subscription s, BuyerUrls urls) {
    boolean paidOnSession =
        Invoice.REASON_CREATE.equals(i.billingReason)
            && Subscription.ORIGIN_CHECKOUT_SESSION.equals(s.origin);
    return new InvoiceResponse(
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
        i.isOpen() && !paidOnSession ? urls.linkPage(i.id) : null,
        i.livemode,
        Timestamps.format(i.createdAt));
  }
}
