package dev.payplatform.checkout.processor.sandbox;

import dev.payplatform.processor.DeclineReasons;

/**
 * What a sandbox test card does (docs/checkout.md, the sandbox processor). A saved payment method
 * keeps only this, plus brand, last 4 and expiry.
 */
public enum SandboxBehaviour {
  /** Succeeds, frictionless 3-D Secure; off-session too. */
  SUCCEEDS(null),
  /** 3-D Secure challenge every time; off-session charges fail (nobody can authenticate). */
  CHALLENGE_ALWAYS(null),
  /** 3-D Secure challenge on-session; off-session renewals succeed. */
  CHALLENGE_ON_SESSION(null),
  DECLINES_CARD_DECLINED(DeclineReasons.CARD_DECLINED),
  DECLINES_INSUFFICIENT_FUNDS(DeclineReasons.INSUFFICIENT_FUNDS),
  DECLINES_EXPIRED_CARD(DeclineReasons.EXPIRED_CARD),
  DECLINES_INCORRECT_CVC(DeclineReasons.INCORRECT_CVC),
  /** Blocked by the fraud rules before it reaches the processor. */
  FRAUDULENT(DeclineReasons.FRAUDULENT);

  private final String declineReason;

  SandboxBehaviour(String declineReason) {
    this.declineReason = declineReason;
  }

  /** The decline reason of a declining card, else null. */
  public String declineReason() {
    return declineReason;
  }

  public boolean challengesOnSession() {
    return this == CHALLENGE_ALWAYS || this == CHALLENGE_ON_SESSION;
  }
}
