package dev.payplatform.checkout.service.confirmation;

import dev.payplatform.checkout.domain.PaymentIntent;

/**
 * The processor's answer applied: the intent, for a challenge the buyer's URL, and for a decline
 * what the buyer is told (answered 402).
 */
public record ConfirmOutcome(PaymentIntent intent, String challengeUrl, Decline decline) {

  /** A declined confirmation, answered 402. */
  public record Decline(String reason, String message) {}
}
