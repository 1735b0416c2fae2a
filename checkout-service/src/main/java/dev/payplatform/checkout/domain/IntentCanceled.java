package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/** The intent was canceled, and the message says why (its cancellation reason). */
public class IntentCanceled extends DomainException {
  public IntentCanceled(String cancellationReason) {
    super(why(cancellationReason));
  }

  private static String why(String cancellationReason) {
    return switch (String.valueOf(cancellationReason)) {
      case PaymentIntent.CANCELED_TOO_MANY_FAILURES ->
          "This payment was canceled after too many failed attempts.";
      case PaymentIntent.CANCELED_EXPIRED ->
          "This payment was canceled because its checkout link expired.";
      default -> "This payment was canceled because its checkout session expired.";
    };
  }
}
