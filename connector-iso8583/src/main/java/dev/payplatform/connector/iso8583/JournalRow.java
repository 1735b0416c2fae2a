package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.CardSummary;

/**
 * The connector's record of one financial request to the acquirer, written before it is sent: which
 * reference it answers, under which trace numbers, and what became of it.
 *
 * @param state {@code sent}, {@code approved}, {@code declined}, {@code reversing} (a reversal is
 *     on its way), {@code reversed}
 * @param stan DE 11; null for a reference never sent (a lookup made it final)
 * @param transmission DE 7 ({@code MMddHHmmss}, UTC)
 */
public record JournalRow(
    String reference,
    String gatewayAccountId,
    String kind,
    String stan,
    String transmission,
    String rrn,
    long amount,
    String currency,
    String originalReference,
    String state,
    String responseCode,
    String authorizationCode,
    CardSummary card,
    String paymentMethodId) {

  public static final String PURCHASE = "purchase";
  public static final String REFUND = "refund";
  public static final String SENT = "sent";
  public static final String APPROVED = "approved";
  public static final String DECLINED = "declined";
  public static final String REVERSING = "reversing";
  public static final String REVERSED = "reversed";

  /** A request about to be sent under {@code trace}. */
  static JournalRow sent(
      String reference,
      String gatewayAccountId,
      String kind,
      Iso8583Messages.Trace trace,
      long amount,
      String currency,
      String originalReference,
      CardSummary card) {
    return sent(
        reference, gatewayAccountId, kind, trace, amount, currency, originalReference, card, null);
  }

  /** A purchase about to be sent, with the vaulted card it saves or charges. */
  static JournalRow sent(
      String reference,
      String gatewayAccountId,
      String kind,
      Iso8583Messages.Trace trace,
      long amount,
      String currency,
      String originalReference,
      CardSummary card,
      String paymentMethodId) {
    return new JournalRow(
        reference,
        gatewayAccountId,
        kind,
        trace.stan(),
        trace.transmission(),
        trace.rrn(),
        amount,
        currency,
        originalReference,
        SENT,
        null,
        null,
        card,
        paymentMethodId);
  }

  /** DE 90, original data elements: MTI, STAN, DE 7, acquirer and forwarder (zeros). */
  public String originalDataElements() {
    return "0200" + stan + transmission + "0".repeat(22);
  }
}
