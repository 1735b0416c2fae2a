package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.DeclineReasons;
import java.util.Map;

/**
 * ISO 8583 response codes (DE 39) and the platform's decline reasons (docs/connectors.md, the
 * response-code table). {@code 91} and {@code 96} mean the acquirer or issuer could not decide:
 * retryable, never a charge, like a timeout.
 */
public final class ResponseCodes {
  public static final String APPROVED = "00";

  /** A reversal whose original the acquirer never saw: nothing to undo, so just as final. */
  public static final String UNABLE_TO_LOCATE_ORIGINAL = "25";

  private static final Map<String, String> DECLINES =
      Map.ofEntries(
          Map.entry("05", DeclineReasons.CARD_DECLINED),
          Map.entry("14", DeclineReasons.INCORRECT_NUMBER),
          Map.entry("51", DeclineReasons.INSUFFICIENT_FUNDS),
          Map.entry("54", DeclineReasons.EXPIRED_CARD),
          Map.entry("55", DeclineReasons.INCORRECT_CVC),
          Map.entry("N7", DeclineReasons.INCORRECT_CVC),
          Map.entry("82", DeclineReasons.INCORRECT_CVC),
          Map.entry("57", DeclineReasons.TRANSACTION_NOT_ALLOWED),
          Map.entry("59", DeclineReasons.FRAUDULENT),
          Map.entry("61", DeclineReasons.CARD_VELOCITY_EXCEEDED),
          Map.entry("65", DeclineReasons.CARD_VELOCITY_EXCEEDED),
          Map.entry("91", DeclineReasons.PROCESSING_ERROR),
          Map.entry("96", DeclineReasons.PROCESSING_ERROR));

  private ResponseCodes() {}

  public static boolean approved(String code) {
    return APPROVED.equals(code);
  }

  /** The decline reason of a refused request; {@code card_declined} for any code not listed. */
  public static String declineReason(String code) {
    return DECLINES.getOrDefault(code, DeclineReasons.CARD_DECLINED);
  }

  /** A reversal the acquirer acknowledged: nothing stands under the original any more. */
  public static boolean reversalDone(String code) {
    return APPROVED.equals(code) || UNABLE_TO_LOCATE_ORIGINAL.equals(code);
  }
}
