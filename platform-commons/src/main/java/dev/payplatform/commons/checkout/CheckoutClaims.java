package dev.payplatform.commons.checkout;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a hosted checkout page needs to take a payment without calling back to the service that
 * asked for it. Signed into a {@link CheckoutTokens checkout token}, so nobody can change the
 * amount in the URL.
 *
 * @param purpose what is being paid: {@code payment} (hosted payment), {@code link} (payment link
 *     visit), {@code invoice} (a subscription's invoice)
 * @param reference the id of the thing paid: {@code pay_…}, {@code plink_…} or {@code in_…}
 * @param gatewayAccountId the merchant's gateway account in live mode (which connector charges it);
 *     null in test mode or when the merchant has none, and then a live charge is refused
 * @param paymentId the payment this charge settles ({@code pay_…}); for a link visit, the fresh
 *     payment id minted for that visit
 */
public record CheckoutClaims(
    String purpose,
    String reference,
    String paymentId,
    String merchantId,
    boolean livemode,
    String merchantName,
    String gatewayAccountId,
    long amountMinor,
    String currency,
    String description,
    List<String> items,
    String returnUrl,
    String customerId,
    Instant expiresAt) {

  public CheckoutClaims {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(expiresAt, "expiresAt");
    items = items == null ? List.of() : List.copyOf(items);
  }
}
