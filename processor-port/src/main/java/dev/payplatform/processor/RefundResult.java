package dev.payplatform.processor;

/** The processor's answer to a refund: its reference, or why it failed. */
public record RefundResult(boolean succeeded, String reference, String failureReason) {
  public static RefundResult ok(String reference) {
    return new RefundResult(true, reference, null);
  }

  public static RefundResult failed(String reason) {
    return new RefundResult(false, null, reason);
  }
}
