package dev.payplatform.checkout.processor;

import io.smallrye.mutiny.Uni;

/**
 * The port to a card processor (DESIGN section 5). Checkout calls nothing else to move money. The
 * built-in implementation is the sandbox; a real gateway connector implements {@link
 * LiveConnector}. Implementations may keep their own records, but never the card number or the
 * security code beyond {@link #authorize}.
 */
public interface CardProcessor {

  /**
   * Authorizes and captures a charge, requesting 3-D Secure. Answers succeeded (frictionless),
   * challenge required (the buyer must authenticate, then {@link #completeChallenge}), or declined.
   *
   * @param savePaymentMethod keep the card as a saved payment method ({@code pm_…}) for off-session
   *     charges once the charge succeeds
   */
  Uni<ProcessorResult> authorize(
      ProcessorAccount account,
      CardDetails card,
      long amount,
      String currency,
      boolean savePaymentMethod);

  /** The buyer completed ({@code authenticated}) or failed a pending 3-D Secure challenge. */
  Uni<ProcessorResult> completeChallenge(
      ProcessorAccount account, String authenticationRef, boolean authenticated);

  /** Refunds part or all of a captured charge. */
  Uni<RefundResult> refund(
      ProcessorAccount account, String chargeRef, long amount, String currency, String refundId);

  /** Charges a saved payment method without the buyer (subscription renewals). */
  Uni<ProcessorResult> chargeSaved(
      ProcessorAccount account, String paymentMethodId, long amount, String currency);
}
