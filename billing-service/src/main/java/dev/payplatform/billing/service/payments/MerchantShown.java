package dev.payplatform.billing.service.payments;

import dev.payplatform.billing.domain.MerchantRecord;
import io.smallrye.mutiny.Uni;

/** What a checkout token and a hosted page carry of the merchant: display name, gateway account. */
public record MerchantShown(String name, String gatewayAccountId) {

  /** The read model's name, else {@code fallbackName} (the one stored with the object). */
  public static Uni<MerchantShown> of(String merchantId, String fallbackName) {
    return MerchantRecord.<MerchantRecord>findById(merchantId)
        .map(
            m ->
                new MerchantShown(
                    m != null && m.name != null ? m.name : fallbackName == null ? "" : fallbackName,
                    m == null ? null : m.gatewayAccountId));
  }

  /** The merchant's display name for hosted pages. */
  public static Uni<String> nameOf(String merchantId, String fallbackName) {
    return of(merchantId, fallbackName).map(MerchantShown::name);
  }
}
