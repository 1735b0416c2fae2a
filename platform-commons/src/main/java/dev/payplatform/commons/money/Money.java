package dev.payplatform.commons.money;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount of money as a {@code long} of minor units plus an ISO-4217 currency. Parsing is strict:
 * plain decimal digits only (no sign, exponent, grouping or surrounding whitespace), never more
 * decimals than the currency has, never zero or negative, never above {@link #MAX_MINOR_UNITS}.
 */
public record Money(long minorUnits, Currency currency) {

  /** 10^13 minor units: 100 billion USD. Anything larger is a mistake, not a payment. */
  public static final long MAX_MINOR_UNITS = 10_000_000_000_000L;

  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,18})?");
  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");

  public Money {
    if (currency == null) {
      throw new IllegalArgumentException("currency is required");
    }
    if (minorUnits < 0) {
      throw new IllegalArgumentException("money is never negative here");
    }
  }

  /** The ISO-4217 exponent: JPY 0, USD 2, BHD 3. Currencies without one (XAU, ...) are refused. */
  public static int exponent(Currency currency) {
    return currency.getDefaultFractionDigits();
  }

  /**
   * Parses an ISO-4217 code (any case) into a currency that can carry payments.
   *
   * @param loc the field path for the 422 entry, e.g. {@code "body", "currency"}
   */
  public static Currency parseCurrency(String code, String... loc) {
    if (code == null) {
      throw new ValidationFailedException(
          new FieldError(java.util.List.of(loc), "field required", "value_error.missing"));
    }
    if (!CURRENCY_CODE.matcher(code).matches()) {
      throw invalid(loc, "must be a three-letter ISO-4217 currency code");
    }
    Currency currency;
    try {
      currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw invalid(loc, "unknown ISO-4217 currency code");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw invalid(loc, "this currency cannot be used for payments");
    }
    return currency;
  }

  /**
   * Parses a decimal string such as {@code "99.99"} in the given currency.
   *
   * @param loc the field path for the 422 entry, e.g. {@code "body", "amount"}
   */
  public static Money parseDecimal(String amount, Currency currency, String... loc) {
    if (amount == null) {
      throw new ValidationFailedException(
          new FieldError(java.util.List.of(loc), "field required", "value_error.missing"));
    }
    if (!DECIMAL.matcher(amount).matches()) {
      throw invalid(loc, "must be a positive decimal number such as \"49.99\"");
    }
    BigDecimal value = new BigDecimal(amount);
    int exponent = exponent(currency);
    if (value.stripTrailingZeros().scale() > exponent) {
      throw invalid(
          loc,
          exponent == 0
              ? currency.getCurrencyCode() + " amounts have no decimals"
              : currency.getCurrencyCode() + " amounts have at most " + exponent + " decimals");
    }
    BigDecimal minor = value.movePointRight(exponent);
    return ofMinor(minor, currency, loc);
  }

  /**
   * A request body's decimal {@code amount} in its {@code currency}, the pair every money-taking
   * create reads: each bad field is added to {@code errors} (so one 422 lists them all with the
   * request's other mistakes), and the answer is null when either is bad.
   */
  public static Money parseBody(String amount, String currency, java.util.List<FieldError> errors) {
    Currency parsed;
    try {
      parsed = parseCurrency(currency, "body", "currency");
    } catch (ValidationFailedException e) {
      errors.addAll(e.errors());
      return null;
    }
    try {
      return parseDecimal(amount, parsed, "body", "amount");
    } catch (ValidationFailedException e) {
      errors.addAll(e.errors());
      return null;
    }
  }

  /** Validates an amount already given in minor units (cents), e.g. plans, links, refunds. */
  public static Money ofMinorUnits(Long minorUnits, Currency currency, String... loc) {
    if (minorUnits == null) {
      throw new ValidationFailedException(
          new FieldError(java.util.List.of(loc), "field required", "value_error.missing"));
    }
    return ofMinor(BigDecimal.valueOf(minorUnits), currency, loc);
  }

  private static Money ofMinor(BigDecimal minor, Currency currency, String[] loc) {
    if (minor.signum() <= 0) {
      throw invalid(loc, "must be greater than zero");
    }
    if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR_UNITS)) > 0) {
      throw invalid(loc, "is larger than the maximum amount allowed");
    }
    return new Money(minor.longValueExact(), currency);
  }

  /** The decimal string the API shows, with exactly the currency's number of decimals. */
  public String toDecimalString() {
    return BigDecimal.valueOf(minorUnits, exponent(currency)).toPlainString();
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  private static ValidationFailedException invalid(String[] loc, String msg) {
    return new ValidationFailedException(
        new FieldError(java.util.List.of(loc), msg, "value_error"));
  }
}
