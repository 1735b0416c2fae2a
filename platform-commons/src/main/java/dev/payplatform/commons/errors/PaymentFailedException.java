package dev.payplatform.commons.errors;

/** A charge that was refused: answered 402 in the documented {@code {"error": {...}}} shape. */
public class PaymentFailedException extends RuntimeException {
  private final String declineReason;

  public PaymentFailedException(String message, String declineReason) {
    super(message, null, false, false);
    this.declineReason = declineReason;
  }

  public String declineReason() {
    return declineReason;
  }
}
