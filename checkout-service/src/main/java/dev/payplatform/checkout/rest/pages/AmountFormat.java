package dev.payplatform.checkout.rest.pages;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount as a buyer reads it, with the currency's own decimals: {@code $99.99}, {@code €10.00},
 * {@code ¥5,000}, {@code BHD 1.500} (the code where there is no widely known symbol).
 */
public final class AmountFormat {
  private AmountFormat() {}

  public static String display(long minorUnits, String currencyCode) {
    Currency currency = Currency.getInstance(currencyCode);
    int decimals = Math.max(currency.getDefaultFractionDigits(), 0);
    DecimalFormat number =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(Locale.US));
    String digits = number.format(BigDecimal.valueOf(minorUnits, decimals));
    String symbol = currency.getSymbol(Locale.US);
    if (symbol.equals(currency.getCurrencyCode())) {
      return currencyCode + " " + digits;
    }
    return symbol + digits;
  }
}
