package dev.payplatform.acquirer;

import java.time.Instant;

/**
 * One ISO 8583 message the host received or sent, as it keeps it: the card number masked (first
 * six, last four), never the security code.
 *
 * @param direction {@code in} (from the connector) or {@code out} (the host's answer)
 * @param original DE 90 (original data elements) of a reversal or a referenced refund
 * @param posEntryMode DE 22 ({@code 012} key-entered, {@code 100} credential on file)
 * @param storedCredential DE 48's stored-credential subelements (21 storage, 22 initiator, 23
 *     merchant-initiated type, 24 initial RRN) as {@code tag=value} pairs; never subelement 92
 */
public record JournaledMessage(
    Instant at,
    String direction,
    String mti,
    String processingCode,
    String stan,
    String transmission,
    String rrn,
    Long amount,
    String currency,
    String maskedPan,
    String terminalId,
    String cardAcceptorId,
    String networkManagementCode,
    String responseCode,
    String authorizationCode,
    String original,
    String posEntryMode,
    String storedCredential) {

  /** DE 48's subelements but 92 (the security code), as {@code 21=I;22=C}; null without any. */
  static String storedCredential(String de48) {
    if (de48 == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder();
    int i = 0;
    while (i + 4 <= de48.length()) {
      String tag = de48.substring(i, i + 2);
      int length;
      try {
        length = Integer.parseInt(de48.substring(i + 2, i + 4));
      } catch (NumberFormatException e) {
        break;
      }
      int end = Math.min(de48.length(), i + 4 + length);
      if (!"92".equals(tag)) {
        kept.append(kept.length() == 0 ? "" : ";").append(tag).append('=').append(de48, i + 4, end);
      }
      i = end;
    }
    return kept.length() == 0 ? null : kept.toString();
  }
}
