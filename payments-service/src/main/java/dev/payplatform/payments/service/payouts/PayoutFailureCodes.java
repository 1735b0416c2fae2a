package dev.payplatform.payments.service.payouts;

import java.util.Map;

/**
 * A bank's ISO 20022 reason code (pain.002 StsRsnInf/Rsn/Cd, camt.054 RtrInf/Rsn/Cd) as the
 * payout's Stripe-style {@code failure_code} and message (docs/payouts.md has the table).
 */
public final class PayoutFailureCodes {
  /** A failure code and its message. */
  public record Failure(String code, String message) {}

  private static final Failure COULD_NOT_PROCESS =
      new Failure("could_not_process", "The bank could not process this payout.");

  private static final Map<String, Failure> BY_REASON =
      Map.of(
          "AC01",
          new Failure("invalid_account_number", "The bank account number is incorrect (AC01)."),
          "AC03",
          new Failure("invalid_account_number", "The creditor account number is invalid (AC03)."),
          "AC04",
          new Failure("account_closed", "The bank account has been closed (AC04)."),
          "AC06",
          new Failure("account_frozen", "The bank account is blocked (AC06)."),
          "AG01",
          new Failure(
              "bank_account_restricted",
              "The bank account does not accept this kind of payment (AG01)."),
          "BE01",
          new Failure(
              "incorrect_account_holder_name",
              "The account holder's name does not match the account (BE01)."),
          "MD07",
          new Failure("account_closed", "The account holder is deceased (MD07)."),
          "RC01",
          new Failure("invalid_account_number", "The bank identifier is incorrect (RC01)."));

  private PayoutFailureCodes() {}

  public static Failure of(String reasonCode) {
    Failure f = reasonCode == null ? null : BY_REASON.get(reasonCode);
    return f != null
        ? f
        : new Failure(
            COULD_NOT_PROCESS.code(),
            reasonCode == null
                ? COULD_NOT_PROCESS.message()
                : COULD_NOT_PROCESS.message() + " (" + reasonCode + ")");
  }
}
