package dev.payplatform.checkout;

import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.ids.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Checkout tokens signed as payments-service or billing-service would (test key pair). */
final class Tokens {
  private Tokens() {}

  static CheckoutClaims payment(String merchantId, long amountMinor, String currency) {
    String paymentId = Ids.newId("pay");
    return claims(
        "payment", paymentId, paymentId, merchantId, amountMinor, currency, Duration.ofHours(1));
  }

  static CheckoutClaims claims(
      String purpose,
      String reference,
      String paymentId,
      String merchantId,
      long amountMinor,
      String currency,
      Duration validFor) {
    return new CheckoutClaims(
        purpose,
        reference,
        paymentId,
        merchantId,
        false,
        "Token Shop",
        null,
        amountMinor,
        currency,
        "Monthly plan",
        List.of("Monthly Subscription"),
        "http://127.0.0.1:18099/thank-you",
        null,
        Instant.now().plus(validFor));
  }
}
