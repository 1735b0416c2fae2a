package dev.payplatform.commons.idempotency;

/**
 * A request body that says what of it identifies the request for {@link Idempotent}: a body with
 * card data leaves the card number and CVC out, so no hash of them is ever stored.
 */
public interface Fingerprinted {
  /** The parts of this request that make it the same request; never a card number or CVC. */
  Object fingerprintContent();
}
