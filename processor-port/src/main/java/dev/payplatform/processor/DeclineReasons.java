package dev.payplatform.processor;

/** The decline reasons of docs/events/README.md and the buyer-facing message for each. */
public final class DeclineReasons {
  public static final String CARD_DECLINED = "card_declined";
  public static final String INSUFFICIENT_FUNDS = "insufficient_funds";
  public static final String EXPIRED_CARD = "expired_card";
  public static final String INCORRECT_CVC = "incorrect_cvc";
  public static final String FRAUDULENT = "fraudulent";
  public static final String LIVE_MODE_UNAVAILABLE = "live_mode_unavailable";
  public static final String AUTHENTICATION_FAILED = "authentication_failed";

  /** The processor never answered and, asked later, said nothing happened: no charge was made. */
  public static final String PROCESSING_ERROR = "processing_error";

  private DeclineReasons() {}

  public static String message(String reason) {
    return switch (reason) {
      case INSUFFICIENT_FUNDS -> "Your card has insufficient funds. Please try another card.";
      case EXPIRED_CARD -> "Your card has expired. Please try another card.";
      case INCORRECT_CVC -> "Your card's security code is incorrect.";
      case FRAUDULENT -> "This payment was blocked by fraud prevention.";
      case LIVE_MODE_UNAVAILABLE ->
          "Live payments are not available: no card processor connector is configured for this"
              + " merchant's gateway account. No charge was made.";
      case AUTHENTICATION_FAILED ->
          "Your bank could not verify this payment (3-D Secure failed). Please try again.";
      case PROCESSING_ERROR ->
          "We could not reach the card processor and no charge was made. Please try again.";
      default -> "Your card was declined. Please try another payment method.";
    };
  }
}
