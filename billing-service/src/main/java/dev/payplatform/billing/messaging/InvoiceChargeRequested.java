package dev.payplatform.billing.messaging;

/**
 * Data of {@code invoice.charge_requested}: checkout-service charges the saved payment method
 * off-session and answers payment_intent.succeeded / payment_intent.payment_failed with purpose
 * {@code invoice}. Schema: docs/events/billing/invoice.charge_requested.schema.json.
 *
 * @param paymentId a fresh {@code pay_} id for this attempt
 * @param gatewayAccountId the merchant's gateway account (live charges); null when it has none
 */
public record InvoiceChargeRequested(
    String invoiceId,
    String subscriptionId,
    String customerId,
    String paymentId,
    String paymentMethodId,
    long amount,
    String currency,
    String description,
    String gatewayAccountId) {}
