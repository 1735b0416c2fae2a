package dev.payplatform.payments.service.fees;

import dev.payplatform.payments.domain.MerchantProfile;

/**
 * The fee plan a completion uses: a percent (basis points) plus a fixed fee in minor units of the
 * settlement currency, and the currencies the merchant is paid out ({@code settlement}) and reports
 * ({@code local}) in.
 *
 * @param source {@code merchant} (from merchants.events) or {@code default}
 */
public record FeePlan(
    String source,
    int basisPoints,
    long fixedMinor,
    String settlementCurrency,
    String localCurrency,
    String statementDescriptor) {

  /** 2.9 % + 30 minor units. */
  public static final int DEFAULT_BASIS_POINTS = 290;

  public static final long DEFAULT_FIXED_MINOR = 30;

  /**
   * The documented default for a merchant not (yet) known from merchants.events: 2.9 % + 30 minor
   * units of the payment's own currency, settled and reported in that currency.
   */
  public static FeePlan defaultFor(String paymentCurrency) {
    return new FeePlan(
        "default",
        DEFAULT_BASIS_POINTS,
        DEFAULT_FIXED_MINOR,
        paymentCurrency,
        paymentCurrency,
        null);
  }

  public static FeePlan of(MerchantProfile m) {
    return new FeePlan(
        "merchant",
        m.feeBasisPoints,
        m.feeFixed,
        m.settlementCurrency.strip(),
        m.localCurrency.strip(),
        m.statementDescriptor);
  }
}
