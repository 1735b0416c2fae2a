package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.commons.time.Timestamps;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/payments/session/{id}}: the documented safe fields plus status and expiry; nothing
 * else about the merchant.
 */
public record CheckoutSessionResponse(
    String id,
    String amount,
    String currency,
    String description,
    List<String> items,
    String mode,
    String priceId,
    String customerId,
    String returnUrl,
    String gatewayAccountId,
    String merchantName,
    String status,
    String expiresAt) {

  public static CheckoutSessionResponse of(CheckoutSession s, Instant now) {
    return new CheckoutSessionResponse(
        s.id,
        ApiAmounts.decimal(s.amount, s.currency),
        s.currency,
        s.description,
        List.of(s.items),
        s.mode,
        s.priceId,
        s.customerId,
        s.returnUrl,
        s.gatewayAccountId,
        s.merchantName,
        s.effectiveStatus(now).wire(),
        Timestamps.format(s.expiresAt));
  }
}
