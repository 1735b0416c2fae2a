package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/** The 3-D Secure challenge token is wrong, spent already, or the intent no longer waits for it. */
public class ChallengeNotFound extends DomainException {
  public ChallengeNotFound() {
    super("This verification link is not valid or was already used.");
  }
}
