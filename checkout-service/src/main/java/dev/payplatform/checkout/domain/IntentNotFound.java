package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * No payment intent has this id, or the client secret does not match (the same answer, so a wrong
 * secret tells nothing).
 */
public class IntentNotFound extends DomainException {
  public IntentNotFound(String id) {
    super("No such payment intent: " + id);
  }
}
