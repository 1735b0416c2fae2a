package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/** The payment went through already: it is never charged twice. */
public class IntentAlreadySucceeded extends DomainException {
  public IntentAlreadySucceeded() {
    super("This payment has already succeeded.");
  }
}
