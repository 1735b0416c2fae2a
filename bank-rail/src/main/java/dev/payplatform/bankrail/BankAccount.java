package dev.payplatform.bankrail;

import java.util.Locale;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * A bank account a payout goes to: an IBAN (country from its first two letters), or a US account
 * number with its ABA routing number. Built only through the factories, which validate.
 */
public record BankAccount(String country, String iban, String accountNumber, String routingNumber) {

  /** Normalises (no spaces, upper case) and checks the country format and check digits. */
  public static BankAccount iban(String iban) {
    if (iban == null || iban.isBlank()) {
      throw new InvalidBankAccount("iban", "an IBAN is required");
    }
    String normal = iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    try {
      IbanUtil.validate(normal);
    } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
      throw new InvalidBankAccount("iban", "not a valid IBAN: " + e.getMessage());
    }
    return new BankAccount(normal.substring(0, 2), normal, null, null);
  }

  /** A US account: 4-17 digits, and a nine-digit routing number whose ABA checksum holds. */
  public static BankAccount us(String accountNumber, String routingNumber) {
    if (accountNumber == null || !accountNumber.matches("[0-9]{4,17}")) {
      throw new InvalidBankAccount("account_number", "a US account number is 4 to 17 digits");
    }
    if (!abaChecksumHolds(routingNumber)) {
      throw new InvalidBankAccount(
          "routing_number", "not a valid ABA routing number (nine digits, checksum)");
    }
    return new BankAccount("US", null, accountNumber, routingNumber);
  }

  /** The last four characters of the account's number, the only part shown back. */
  public String last4() {
    String number = iban != null ? iban : accountNumber;
    return number.substring(number.length() - 4);
  }

  // ABA: 3*(d1+d4+d7) + 7*(d2+d5+d8) + (d3+d6+d9) is a multiple of 10.
  static boolean abaChecksumHolds(String routing) {
    if (routing == null || !routing.matches("[0-9]{9}")) {
      return false;
    }
    int[] weights = {3, 7, 1};
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += weights[i % 3] * (routing.charAt(i) - '0');
    }
    return sum % 10 == 0;
  }
}
