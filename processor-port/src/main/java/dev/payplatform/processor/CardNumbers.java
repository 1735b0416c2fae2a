package dev.payplatform.processor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Card-number arithmetic: Luhn, brand from the leading digits, and masking for logs. */
public final class CardNumbers {
  // 13-19 digits, optionally grouped by single spaces or dashes, not part of a longer number.
  private static final Pattern PAN_LIKE =
      Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

  private CardNumbers() {}

  public static boolean luhnValid(String digits) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return !digits.isEmpty() && sum % 10 == 0;
  }

  /** visa, mastercard, amex, discover, diners, jcb, unionpay, or unknown. */
  public static String brand(String digits) {
    if (digits.startsWith("4")) {
      return "visa";
    }
    if (digits.startsWith("34") || digits.startsWith("37")) {
      return "amex";
    }
    int two = prefix(digits, 2);
    int four = prefix(digits, 4);
    int three = prefix(digits, 3);
    int six = prefix(digits, 6);
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return "mastercard";
    }
    if (digits.startsWith("6011")
        || digits.startsWith("65")
        || (three >= 644 && three <= 649)
        || (six >= 622126 && six <= 622925)) {
      return "discover";
    }
    if (four >= 3528 && four <= 3589) {
      return "jcb";
    }
    if ((three >= 300 && three <= 305) || digits.startsWith("36") || digits.startsWith("38")) {
      return "diners";
    }
    if (digits.startsWith("62")) {
      return "unionpay";
    }
    return "unknown";
  }

  /** American Express cards have a 4-digit security code; the others 3. */
  public static int cvcLength(String brand) {
    return "amex".equals(brand) ? 4 : 3;
  }

  /**
   * Replaces every Luhn-valid 13-19 digit sequence (spaced or dashed or not) by {@code ****1234}:
   * the last line of defence for log output, which never should hold a card number.
   */
  public static String maskAll(String text) {
    if (text == null || text.length() < 13) {
      return text;
    }
    Matcher m = PAN_LIKE.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String digits = m.group().replaceAll("[ -]", "");
      if (!luhnValid(digits)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, m.start())
          .append("****")
          .append(digits.substring(digits.length() - 4));
      last = m.end();
    }
    if (out == null) {
      return text;
    }
    return out.append(text, last, text.length()).toString();
  }

  private static int prefix(String digits, int n) {
    if (digits.length() < n) {
      return -1;
    }
    return Integer.parseInt(digits.substring(0, n));
  }
}
