package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/** No checkout session has this id (or the id is not a session id). */
public class SessionNotFound extends DomainException {
  public SessionNotFound(String id) {
    super("No such checkout session: " + id);
  }
}
