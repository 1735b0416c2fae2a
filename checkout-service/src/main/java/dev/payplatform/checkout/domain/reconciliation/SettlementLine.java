package dev.payplatform.checkout.domain.reconciliation;

import java.time.LocalDate;

/**
 * One line of an acquirer's settlement report, for one gateway account.
 *
 * @param key unique for the line: account, day, type, RRN and how many lines of that type and RRN
 *     came before it in the report
 * @param type {@code purchase}, {@code refund} or {@code reversal}
 * @param currency ISO 4217 alphabetic (the report's numeric code, translated)
 */
public record SettlementLine(
    String key,
    LocalDate businessDay,
    String type,
    String rrn,
    String authorizationCode,
    long amount,
    String currency) {

  public static final String PURCHASE = "purchase";
  public static final String REFUND = "refund";
  public static final String REVERSAL = "reversal";

  /** The money it moves for the platform: a purchase pays in, a refund or a reversal pays out. */
  public long signedAmount() {
    return PURCHASE.equals(type) ? amount : -amount;
  }
}
