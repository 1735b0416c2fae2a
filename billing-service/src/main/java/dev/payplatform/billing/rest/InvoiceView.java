package dev.payplatform.billing.rest;

/**
 * An invoice as the API shows it (inside a subscription as {@code latest_invoice}) and as the
 * invoice.* events carry it. Amounts in minor units; times ISO-8601 UTC to the second.
 *
 * @param paymentUrl the buyer page where this invoice can be paid on-session while it is open (null
 *     once it is closed, and for a checkout session's first invoice, paid on the session)
 */
public record InvoiceView(
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
    String createdAt) {}
