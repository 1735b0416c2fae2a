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
  FRAUDULENT(DeclineReasons.FRAUDULENT),
  /** Succeeds; its cardholder then disputes the charge as fraudulent (docs/disputes.md). */
  DISPUTED_FRAUDULENT(null, "fraudulent", false),
  /** Succeeds; its cardholder then disputes it: the goods never arrived. */
  DISPUTED_PRODUCT_NOT_RECEIVED(null, "product_not_received", false),
  /** Succeeds; the issuer then opens an inquiry, which moves no money. */
  DISPUTED_INQUIRY(null, "general", true);

  private final String declineReason;
  private final String disputeReason;
  private final boolean inquiry;

  SandboxBehaviour(String declineReason) {
    this(declineReason, null, false);
  }

  SandboxBehaviour(String declineReason, String disputeReason, boolean inquiry) {
    this.declineReason = declineReason;
    this.disputeReason = disputeReason;
    this.inquiry = inquiry;
  }

  /** The reason its charges are disputed for, else null. */
  public String disputeReason() {
    return disputeReason;
  }

  /** Whether its dispute is an inquiry (a warning that moves no money) rather than a chargeback. */
  public boolean disputeIsInquiry() {
    return inquiry;
  }

  /** The decline reason of a declining card, else null. */
  public String declineReason() {
    return declineReason;
  }

  public boolean challengesOnSession() {
    return this == CHALLENGE_ALWAYS || this == CHALLENGE_ON_SESSION;
  }
}
