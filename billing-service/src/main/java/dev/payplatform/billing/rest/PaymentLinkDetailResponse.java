package dev.payplatform.billing.rest;

import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.billing.domain.PaymentLink;
import dev.payplatform.commons.time.Timestamps;

/**
 * A payment link in full ({@code GET /v1/payment-links/{id}}, deactivate/reactivate, and the
 * payment_link.* events): the documented four fields first, then what the link charges and how many
 * visits paid.
 */
public record PaymentLinkDetailResponse(
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
    String updatedAt) {
  public static PaymentLinkDetailResponse of(PaymentLink l, BuyerUrls urls) {
    return new PaymentLinkDetailResponse(
        l.id,
        "payment_link",
        urls.linkPage(l.id),
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
