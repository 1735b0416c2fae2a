package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/** Another confirmation of this intent is at the processor: one call at a time. */
public class ConfirmationInProgress extends DomainException {
  public ConfirmationInProgress() {
    super("A confirmation of this payment is already in progress.");
  }
}
