package dev.payplatform.processor;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * The port to a card processor (docs/checkout.md, the processor port). Checkout calls nothing else
 * to move money. The built-in implementation is the sandbox; a connector to a real card network
 * implements {@link LiveConnector}. Implementations may keep their own records, but never the card
 * number or the security code beyond {@link #authorize}.
 *
 * <p>Every call that can move money carries an idempotent {@code reference}, unique per attempt: a
 * call repeated with the same reference answers the first call's result and never charges twice,
 * and {@link #lookup} tells what became of a reference whose answer was lost (a crash, a timeout).
 */
public interface CardProcessor {

  /**
   * Authorizes and captures a charge, requesting 3-D Secure. Answers succeeded (frictionless),
   * challenge required (the buyer must authenticate, then {@link #completeChallenge}), or declined.
   *
   * @param savePaymentMethod keep the card as a saved payment method ({@code pm_…}) for off-session
   *     charges once the charge succeeds
   * @param reference the attempt's idempotent reference
   */
  Uni<ProcessorResult> authorize(
      ProcessorAccount account,
      CardDetails card,
      long amount,
      String currency,
      boolean savePaymentMethod,
      String reference);

  /** The buyer completed ({@code authenticated}) or failed a pending 3-D Secure challenge. */
  Uni<ProcessorResult> completeChallenge(
      ProcessorAccount account, String authenticationRef, boolean authenticated, String reference);

  /** Refunds part or all of a captured charge. */
  Uni<RefundResult> refund(
      ProcessorAccount account, String chargeRef, long amount, String currency, String refundId);

  /** Charges a saved payment method without the buyer (subscription renewals). */
  Uni<ProcessorResult> chargeSaved(
      ProcessorAccount account,
      String paymentMethodId,
      long amount,
      String currency,
      String reference);

  /**
   * What became of the call made with {@code reference}: its result, or empty when the processor
   * has no operation under it. Empty is final: the processor then refuses that reference, so a call
   * still on its way cannot charge after the caller released the payment. Reconciliation relies on
   * this to resolve an intent left in processing exactly once.
   */
  Uni<Optional<ProcessorResult>> lookup(ProcessorAccount account, String reference);
}
