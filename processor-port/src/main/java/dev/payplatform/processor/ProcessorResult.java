package dev.payplatform.processor;

/**
 * What the processor answered to an authorization, a challenge answer or an off-session charge.
 *
 * @param card what the processor reports about the card (brand, last 4, expiry, country); no
 *     fingerprint, which is checkout's own
 * @param chargeRef the captured charge, for refunds (succeeded only)
 * @param authenticationRef the pending 3-D Secure authentication (challenge only)
 * @param paymentMethodId the saved card ({@code pm_…}) when saving was asked for (succeeded only)
 * @param network what the card network answered (live connectors only)
 */
public record ProcessorResult(
    Outcome outcome,
    String declineReason,
    String message,
    CardSummary card,
    String chargeRef,
    String authenticationRef,
    String paymentMethodId,
    NetworkDetails network) {

  public enum Outcome {
    SUCCEEDED,
    CHALLENGE_REQUIRED,
    DECLINED
  }

  public static ProcessorResult succeeded(CardSummary card, String chargeRef, String pm) {
    return new ProcessorResult(Outcome.SUCCEEDED, null, null, card, chargeRef, null, pm, null);
  }

  public static ProcessorResult challenge(CardSummary card, String authenticationRef) {
    return new ProcessorResult(
        Outcome.CHALLENGE_REQUIRED, null, null, card, null, authenticationRef, null, null);
  }

  public static ProcessorResult declined(CardSummary card, String reason, String message) {
    return new ProcessorResult(Outcome.DECLINED, reason, message, card, null, null, null, null);
  }

  public static ProcessorResult declined(CardSummary card, String reason) {
    return declined(card, reason, DeclineReasons.message(reason));
  }

  public ProcessorResult withNetwork(NetworkDetails details) {
    return new ProcessorResult(
        outcome,
        declineReason,
        message,
        card,
        chargeRef,
        authenticationRef,
        paymentMethodId,
        details);
  }
}
