package dev.payplatform.acquirer;

import java.time.YearMonth;
import java.util.Map;

/**
 * The issuers behind the acquirer host: an answer (ISO 8583 response code, DE 39) per card number.
 * The sandbox's test cards answer as they do in test mode (docs/checkout.md), so the seed samples
 * work in live mode; the {@code 4000 0583 00RR 000C} numbers decline with response code RR, one per
 * code the connector maps (docs/connectors.md). Any other valid card is approved.
 */
public final class Issuers {
  public static final String APPROVED = "00";
  public static final String DO_NOT_HONOUR = "05";
  public static final String EXPIRED_CARD = "54";

  private static final Map<String, String> CARDS =
      Map.ofEntries(
          Map.entry("4000000000000002", DO_NOT_HONOUR),
          Map.entry("4000000000009995", "51"),
          Map.entry("4000000000000069", EXPIRED_CARD),
          Map.entry("4000000000000127", "N7"),
          Map.entry("4100000000000019", "59"),
          Map.entry("4000058300050002", "05"),
          Map.entry("4000058300140001", "14"),
          Map.entry("4000058300510005", "51"),
          Map.entry("4000058300540002", "54"),
          Map.entry("4000058300550001", "55"),
          Map.entry("4000058300570009", "57"),
          Map.entry("4000058300590007", "59"),
          Map.entry("4000058300610003", "61"),
          Map.entry("4000058300650009", "65"),
          Map.entry("4000058300820008", "82"),
          Map.entry("4000058300910007", "91"),
          Map.entry("4000058300960002", "96"));

  private Issuers() {}

  /**
   * The issuer's answer to a purchase.
   *
   * @param expiry DE 14 ({@code YYMM}), or null
   * @param today the business day's month
   */
  public static String answer(String pan, String expiry, YearMonth today) {
    if (pan == null || !pan.matches("\\d{12,19}") || !luhn(pan)) {
      return "14";
    }
    String listed = CARDS.get(pan);
    if (listed != null) {
      return listed;
    }
    if (expiry != null && expiry.matches("\\d{4}")) {
      YearMonth expires =
          YearMonth.of(2000 + Integer.parseInt(expiry.substring(0, 2)), month(expiry));
      if (expires.isBefore(today)) {
        return EXPIRED_CARD;
      }
    }
    return APPROVED;
  }

  private static int month(String expiry) {
    int m = Integer.parseInt(expiry.substring(2));
    return m >= 1 && m <= 12 ? m : 1;
  }

  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
