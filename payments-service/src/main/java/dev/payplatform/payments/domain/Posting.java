package dev.payplatform.payments.domain;

/**
 * One line of a journal entry: {@code amount} minor units of {@code currency} debited ({@code > 0})
 * or credited ({@code < 0}) to {@code account}.
 */
public record Posting(String account, String currency, long amount) {
  public Posting {
    if (amount == 0) {
      throw new IllegalArgumentException("a posting moves money: " + account);
    }
  }

  /** The merchant's balance that is not yet paid out-able. */
  public static String pending(String merchantId, boolean livemode, String currency) {
    return "merchant:" + merchantId + ":" + mode(livemode) + ":" + currency + ":pending";
  }

  public static String available(String merchantId, boolean livemode, String currency) {
    return "merchant:" + merchantId + ":" + mode(livemode) + ":" + currency + ":available";
  }

  /** The platform's fee income. */
  public static String fees(boolean livemode, String currency) {
    return "platform:" + mode(livemode) + ":" + currency + ":fees";
  }

  /** What the processor owes the platform for captured charges, less refunds. */
  public static String clearing(boolean livemode, String currency) {
    return "processor:" + mode(livemode) + ":" + currency + ":clearing";
  }

  /**
   * What the processor has taken back from the platform for disputed charges (a chargeback), less
   * what it gave back for won disputes.
   */
  public static String chargebacks(boolean livemode, String currency) {
    return "processor:" + mode(livemode) + ":" + currency + ":chargebacks";
  }

  /** What the acquirer has settled to the platform: cash at the acquirer. */
  public static String settlement(boolean livemode, String currency) {
    return "acquirer:" + mode(livemode) + ":" + currency + ":settlement";
  }

  /** Differences reconciliation found, held until an operator moves them. */
  public static String suspense(boolean livemode, String currency) {
    return "platform:" + mode(livemode) + ":" + currency + ":suspense";
  }

  /** Payouts on their way to merchants' banks: what the platform still owes for them. */
  public static String payoutsInTransit(boolean livemode, String currency) {
    return "payouts:" + mode(livemode) + ":" + currency + ":in_transit";
  }

  /** The platform's account at its payout bank: a paid payout leaves it. */
  public static String payoutBank(boolean livemode, String currency) {
    return "bank:" + mode(livemode) + ":" + currency + ":payouts";
  }

  /** The prefix of all of a merchant's accounts in a mode. */
  public static String merchantPrefix(String merchantId, boolean livemode) {
    return "merchant:" + merchantId + ":" + mode(livemode) + ":";
  }

  static String mode(boolean livemode) {
    return livemode ? "live" : "test";
  }
}
