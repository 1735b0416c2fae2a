package dev.payplatform.billing.rest;

/**
 * A payment link in full ({@code GET /v1/payment-links/{id}}, deactivate/reactivate, and the
 * payment_link.* events): the documented four fields first, then what the link charges and how many
 * visits paid.
 */
public record PaymentLinkView(
    String id,
    String object,
    String url,
    boolean active,
    long amount,
    String currency,
    String description,
    int paidCount,
    boolean livemode,
    String createdAt,
    String updatedAt) {}
