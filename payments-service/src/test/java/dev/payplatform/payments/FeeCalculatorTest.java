package dev.payplatform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.payments.service.fees.FeeCalculator;
import dev.payplatform.payments.service.fees.FeePlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fee/net rounding rule of docs/payments.md, on amounts where half-up and banker's differ. */
class FeeCalculatorTest {
  private static final Map<String, BigDecimal> RATES =
      Map.of(
          "USD", BigDecimal.ONE,
          "EUR", new BigDecimal("0.86"),
          "CRC", new BigDecimal("533.48"),
          "JPY", new BigDecimal("155"),
          "BHD", new BigDecimal("0.376"));

  @ParameterizedTest
  @CsvSource({
    // minor, basis points, half-up, banker's (for contrast)
    "500, 290, 15, 14",
    "2500, 290, 73, 72",
    "1500, 290, 44, 44",
    "50, 100, 1, 0",
    "150, 100, 2, 2",
    "12345, 250, 309, 309",
    "4999, 290, 145, 145",
    "10, 290, 0, 0",
  })
  void percentRoundsHalfUp(long minor, int basisPoints, long halfUp, long bankers) {
    assertThat(FeeCalculator.percentOf(minor, basisPoints)).isEqualTo(halfUp);
    long even =
        BigDecimal.valueOf(minor * basisPoints)
            .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN)
            .longValueExact();
    assertThat(even).isEqualTo(bankers);
  }

  @Test
  void feeIsPercentPlusFixedAndNetTheRest() {
    FeeCalculator.Settlement s = FeeCalculator.settle(500, "USD", FeePlan.defaultFor("USD"), RATES);
    assertThat(s.fee()).isEqualTo(45);
    assertThat(s.net()).isEqualTo(455);
    assertThat(s.netCurrency()).isEqualTo("USD");
    assertThat(s.feePlan()).isEqualTo("default");
  }

  @Test
  void theFeeIsCappedAtTheAmount() {
    FeeCalculator.Settlement s = FeeCalculator.settle(10, "USD", FeePlan.defaultFor("USD"), RATES);
    assertThat(s.fee()).isEqualTo(10);
    assertThat(s.net()).isZero();
  }

  @Test
  void conversionGoesThroughUsdWithOneRounding() {
    // 100.00 EUR -> 116.2790… USD -> 11628 cents.
    assertThat(FeeCalculator.convert(10000, "EUR", "USD", RATES.get("EUR"), RATES.get("USD")))
        .isEqualTo(11628);
    // 10.00 USD -> 5334.80 CRC -> 533480 céntimos.
    assertThat(FeeCalculator.convert(1000, "USD", "CRC", RATES.get("USD"), RATES.get("CRC")))
        .isEqualTo(533480);
    // 1000 JPY -> 6.4516… USD -> 2.4258… BHD -> 2426 fils (3 decimals).
    assertThat(FeeCalculator.convert(1000, "JPY", "BHD", RATES.get("JPY"), RATES.get("BHD")))
        .isEqualTo(2426);
  }

  @Test
  void aMissingRateSettlesInThePaymentsOwnCurrency() {
    FeePlan plan = new FeePlan("merchant", 200, 50, "SEK", "SEK", "NORDIC");
    FeeCalculator.Settlement s = FeeCalculator.settle(10000, "USD", plan, RATES);
    assertThat(s.feePlan()).isEqualTo("merchant_no_fx");
    assertThat(s.netCurrency()).isEqualTo("USD");
    assertThat(s.fee()).isEqualTo(250);
    assertThat(s.net()).isEqualTo(9750);
  }

  @Test
  void theInverseRateHasTwelveSignificantDigits() {
    assertThat(FeeCalculator.inverse(new BigDecimal("533.48")))
        .isEqualByComparingTo("0.00187448451676");
    assertThat(FeeCalculator.inverse(new BigDecimal("0.8"))).isEqualByComparingTo("1.25");
    assertThat(FeeCalculator.inverse(null)).isNull();
  }
}
