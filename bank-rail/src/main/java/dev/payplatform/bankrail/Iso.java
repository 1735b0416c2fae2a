package dev.payplatform.bankrail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * The checks the generated schema cannot make (decision 0030): the JAXB model has no length or
 * pattern facets, so Max35Text, Max140Text, currency codes, BICs and amounts' digits are checked
 * here, on writing and on reading.
 */
final class Iso {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern BIC =
      Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final Pattern STATUS_CODE = Pattern.compile("[A-Z0-9]{1,4}");

  private Iso() {}

  static String max35(String field, String value) {
    return text(field, value, 35);
  }

  static String max140(String field, String value) {
    return text(field, value, 140);
  }

  static String optionalMax140(String field, String value) {
    return value == null || value.isEmpty() ? null : text(field, value, 140);
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isEmpty() || value.length() > max) {
      throw new InvalidMessage(field + " must be 1 to " + max + " characters");
    }
    return value;
  }

  static String bic(String value) {
    if (value != null && !BIC.matcher(value).matches()) {
      throw new InvalidMessage("not a BIC: " + value);
    }
    return value;
  }

  /** An external code (status, reason) of at most four letters or digits, or null. */
  static String code(String field, String value) {
    if (value != null && !STATUS_CODE.matcher(value).matches()) {
      throw new InvalidMessage(field + " is not an ISO external code: " + value);
    }
    return value;
  }

  static Currency currency(String code) {
    if (code == null || !CURRENCY.matcher(code).matches()) {
      throw new InvalidMessage("not an ISO 4217 currency code: " + code);
    }
    try {
      Currency currency = Currency.getInstance(code);
      if (currency.getDefaultFractionDigits() < 0) {
        throw new InvalidMessage("currency without minor units: " + code);
      }
      return currency;
    } catch (IllegalArgumentException e) {
      throw new InvalidMessage("unknown currency: " + code);
    }
  }

  /** Minor units to the message's decimal amount: 4824 USD is 48.24. */
  static BigDecimal decimal(long minor, String currency) {
    if (minor <= 0) {
      throw new InvalidMessage("an amount must be positive: " + minor);
    }
    return BigDecimal.valueOf(minor, currency(currency).getDefaultFractionDigits());
  }

  /**
   * The message's decimal amount to minor units; more decimals than the currency has is refused.
   */
  static long minor(BigDecimal amount, String currency) {
    if (amount == null || amount.signum() <= 0) {
      throw new InvalidMessage("an amount must be positive: " + amount);
    }
    try {
      return amount
          .movePointRight(currency(currency).getDefaultFractionDigits())
          .stripTrailingZeros()
          .longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidMessage("amount " + amount + " has more decimals than " + currency);
    }
  }

  // ISODateTime: whole seconds in UTC, as banks' files usually carry them.
  static OffsetDateTime dateTime(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime value) {
    if (value == null) {
      throw new InvalidMessage("a date-time is missing");
    }
    return value.toInstant();
  }

  static LocalDate date(LocalDate value, String field) {
    if (value == null) {
      throw new InvalidMessage(field + " is missing");
    }
    return value;
  }

  static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidMessage(field + " is missing");
    }
    return value;
  }
}
