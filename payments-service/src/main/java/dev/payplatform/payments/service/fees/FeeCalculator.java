package dev.payplatform.payments.service.fees;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;

/**
 * Fee, net and FX for a completed payment, in integer minor units (docs/payments.md, "Fees, net and
 * rounding"). Every rounding is one step of {@link RoundingMode#HALF_UP} on an exact {@link
 * BigDecimal} quotient: a fee of 14.5 minor units is 15, never 14 (banker's rounding would say 14).
 *
 * <ol>
 *   <li>The amount is converted to the settlement currency when it differs from the payment's:
 *       {@code settled = round(amount × 10^(eS−eP) × settlementPerUsd / paymentPerUsd)}.
 *   <li>{@code fee = round(settled × basisPoints / 10000) + fixed}, capped at {@code settled}.
 *   <li>{@code net = settled − fee}, in the settlement currency ({@code net_currency}).
 * </ol>
 *
 * When a rate needed for the conversion is not known the payment settles in its own currency (plan
 * {@code merchant_no_fx}): the merchant's percent, and its fixed fee counted in the payment
 * currency's minor units.
 */
public final class FeeCalculator {
  static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
  private static final BigDecimal BASIS_POINTS_PER_UNIT = BigDecimal.valueOf(10_000);
  private static final MathContext INVERSE = new MathContext(12, RoundingMode.HALF_UP);

  private FeeCalculator() {}

  /**
   * The outcome, frozen on the payment.
   *
   * @param feePlan {@code merchant}, {@code default} or {@code merchant_no_fx}
   * @param settledAmount the amount in {@code netCurrency} minor units
   * @param fxPaymentUnitsPerUsd the payment currency's rate used, or null when unknown
   */
  public record Settlement(
      String feePlan,
      int basisPoints,
      long fixedMinor,
      String settlementCurrency,
      String localCurrency,
      long settledAmount,
      long fee,
      long net,
      String netCurrency,
      BigDecimal fxPaymentUnitsPerUsd,
      BigDecimal fxSettlementUnitsPerUsd,
      BigDecimal fxLocalUnitsPerUsd) {}

  /**
   * @param ratesPerUsd the current units-per-USD of the currencies involved (missing = unknown)
   */
  public static Settlement settle(
      long amountMinor, String currency, FeePlan plan, Map<String, BigDecimal> ratesPerUsd) {
    BigDecimal paymentRate = ratesPerUsd.get(currency);
    BigDecimal settlementRate = ratesPerUsd.get(plan.settlementCurrency());
    BigDecimal localRate = ratesPerUsd.get(plan.localCurrency());
    String planUsed = plan.source();
    String settlementCurrency = plan.settlementCurrency();
    long settled = amountMinor;
    if (!settlementCurrency.equals(currency)) {
      if (paymentRate == null || settlementRate == null) {
        planUsed = "merchant_no_fx";
        settlementCurrency = currency;
      } else {
        settled = convert(amountMinor, currency, settlementCurrency, paymentRate, settlementRate);
      }
    }
    long fee = percentOf(settled, plan.basisPoints()) + plan.fixedMinor();
    fee = Math.min(fee, settled);
    return new Settlement(
        planUsed,
        plan.basisPoints(),
        plan.fixedMinor(),
        settlementCurrency,
        plan.localCurrency(),
        settled,
        fee,
        settled - fee,
        settlementCurrency,
        paymentRate,
        ratesPerUsd.get(settlementCurrency),
        localRate);
  }

  /** {@code round(minor × basisPoints / 10000)}, half-up. */
  public static long percentOf(long minor, int basisPoints) {
    return BigDecimal.valueOf(minor)
        .multiply(BigDecimal.valueOf(basisPoints))
        .divide(BASIS_POINTS_PER_UNIT, 0, ROUNDING)
        .longValueExact();
  }

  /** Minor units of {@code from} in minor units of {@code to}, through USD, rounded once. */
  public static long convert(
      long minor, String from, String to, BigDecimal fromPerUsd, BigDecimal toPerUsd) {
    int fromExponent = Currency.getInstance(from).getDefaultFractionDigits();
    int toExponent = Currency.getInstance(to).getDefaultFractionDigits();
    BigDecimal numerator = BigDecimal.valueOf(minor).multiply(toPerUsd).movePointRight(toExponent);
    BigDecimal denominator = fromPerUsd.movePointRight(fromExponent);
    return numerator.divide(denominator, 0, ROUNDING).longValueExact();
  }

  /** USD per unit from units per USD, to 12 significant digits; null stays null. */
  public static BigDecimal inverse(BigDecimal unitsPerUsd) {
    return unitsPerUsd == null ? null : BigDecimal.ONE.divide(unitsPerUsd, INVERSE);
  }
}
