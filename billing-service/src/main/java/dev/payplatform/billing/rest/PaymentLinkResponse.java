package dev.payplatform.billing.rest;

import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.billing.domain.PaymentLink;

/**
 * {@code PaymentLinkResponse} exactly as the Payment Links API documents it (create and list):
 * {@code {"id", "object": "payment_link", "url", "active"}}.
 */
public record PaymentLinkResponse(String id, String object, String url, boolean active) {
  public static PaymentLinkResponse of(PaymentLink l, BuyerUrls urls) {
    return new PaymentLinkResponse(l.id, "payment_link", urls.linkPage(l.id), l.active);
  }
}
