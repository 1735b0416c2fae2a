package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/** The session was paid already: it cannot be paid again. */
public class SessionAlreadyComplete extends DomainException {
  public SessionAlreadyComplete() {
    super("This checkout session is already complete.");
  }
}
