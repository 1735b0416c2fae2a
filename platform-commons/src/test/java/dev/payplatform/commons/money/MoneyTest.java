package dev.payplatform.commons.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.errors.ValidationFailedException;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency BHD = Currency.getInstance("BHD");

  @Test
  void parsesDecimalStringsIntoMinorUnitsByIsoExponent() {
    assertThat(Money.parseDecimal("99.99", USD, "body", "amount").minorUnits()).isEqualTo(9999);
    assertThat(Money.parseDecimal("10", USD, "body", "amount").minorUnits()).isEqualTo(1000);
    assertThat(Money.parseDecimal("10.5", USD, "body", "amount").minorUnits()).isEqualTo(1050);
    assertThat(Money.parseDecimal("1000", JPY, "body", "amount").minorUnits()).isEqualTo(1000);
    assertThat(Money.parseDecimal("1.234", BHD, "body", "amount").minorUnits()).isEqualTo(1234);
    assertThat(Money.parseDecimal("10.00", JPY, "body", "amount").minorUnits())
        .as("trailing zeros are not extra precision")
        .isEqualTo(10);
  }

  @Test
  void formatsWithExactlyTheCurrencysDecimals() {
    assertThat(new Money(4999, USD).toDecimalString()).isEqualTo("49.99");
    assertThat(new Money(5000, USD).toDecimalString()).isEqualTo("50.00");
    assertThat(new Money(1000, JPY).toDecimalString()).isEqualTo("1000");
    assertThat(new Money(1, BHD).toDecimalString()).isEqualTo("0.001");
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHas() {
    assertRejected("10.999", USD, "USD amounts have at most 2 decimals");
    assertRejected("10.5", JPY, "JPY amounts have no decimals");
    assertRejected("1.2345", BHD, "BHD amounts have at most 3 decimals");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "-1",
        "+1",
        "0",
        "0.00",
        "1e3",
        "1E3",
        " 10",
        "10 ",
        "1,000",
        "1.",
        ".5",
        "0x10",
        "NaN",
        "Infinity",
        "١٢",
        "10.0.0",
        "100000000000.01",
        "99999999999999999999"
      })
  void refusesEverythingThatIsNotAPositivePlainDecimalOfSaneSize(String raw) {
    assertThatThrownBy(() -> Money.parseDecimal(raw, USD, "body", "amount"))
        .isInstanceOf(ValidationFailedException.class)
        .satisfies(
            e ->
                assertThat(((ValidationFailedException) e).errors().get(0).loc())
                    .isEqualTo(List.of("body", "amount")));
  }

  @Test
  void missingAmountIsReportedAsMissing() {
    assertThatThrownBy(() -> Money.parseDecimal(null, USD, "body", "amount"))
        .isInstanceOf(ValidationFailedException.class)
        .satisfies(
            e ->
                assertThat(((ValidationFailedException) e).errors().get(0).type())
                    .isEqualTo("value_error.missing"));
  }

  @Test
  void currenciesAreIsoCodesNormalisedToUpperCase() {
    assertThat(Money.parseCurrency("usd", "body", "currency")).isEqualTo(USD);
    assertThat(Money.parseCurrency("CRC", "body", "currency").getCurrencyCode()).isEqualTo("CRC");
    for (String bad : List.of("US", "USDD", "XYZ", "U$D", "XAU", "")) {
      assertThatThrownBy(() -> Money.parseCurrency(bad, "body", "currency"))
          .as(bad)
          .isInstanceOf(ValidationFailedException.class);
    }
  }

  @Test
  void minorUnitAmountsMustBePositiveAndBounded() {
    assertThat(Money.ofMinorUnits(2500L, USD, "body", "amount").toDecimalString())
        .isEqualTo("25.00");
    assertThatThrownBy(() -> Money.ofMinorUnits(0L, USD, "body", "amount"))
        .isInstanceOf(ValidationFailedException.class);
    assertThatThrownBy(() -> Money.ofMinorUnits(-5L, USD, "body", "amount"))
        .isInstanceOf(ValidationFailedException.class);
    assertThatThrownBy(() -> Money.ofMinorUnits(Long.MAX_VALUE, USD, "body", "amount"))
        .isInstanceOf(ValidationFailedException.class);
  }

  private static void assertRejected(String raw, Currency c, String message) {
    assertThatThrownBy(() -> Money.parseDecimal(raw, c, "body", "amount"))
        .isInstanceOf(ValidationFailedException.class)
        .satisfies(
            e ->
                assertThat(((ValidationFailedException) e).errors().get(0).msg())
                    .isEqualTo(message));
  }
}
