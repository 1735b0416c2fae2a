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
  public static final String INCORRECT_NUMBER = "incorrect_number";
  public static final String TRANSACTION_NOT_ALLOWED = "transaction_not_allowed";
  public static final String CARD_VELOCITY_EXCEEDED = "card_velocity_exceeded";

  /** A live off-session charge: it needs the card number, which the platform does not keep. */
  public static final String OFF_SESSION_UNAVAILABLE = "off_session_unavailable";

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
      case INCORRECT_NUMBER -> "Your card number is incorrect.";
      case TRANSACTION_NOT_ALLOWED ->
          "Your card does not support this type of purchase. Please try another card.";
      case CARD_VELOCITY_EXCEEDED ->
          "Your card has reached its spending limit. Please try another card.";
      case OFF_SESSION_UNAVAILABLE ->
          "Live charges without the buyer are not available yet: they need a card vault. No"
              + " charge was made.";
      case PROCESSING_ERROR ->
          "We could not reach the card processor and no charge was made. Please try again.";
      default -> "Your card was declined. Please try another payment method.";
    };
  }
}
