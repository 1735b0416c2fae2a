package dev.payplatform.checkout.rest;

import dev.payplatform.commons.money.Money;
import java.util.Currency;

/** Amounts as the checkout API shows them: a decimal string in the currency's major units. */
final class ApiAmounts {
  private ApiAmounts() {}

  static String decimal(long minor, String currency) {
    return new Money(minor, Currency.getInstance(currency)).toDecimalString();
  }
}
