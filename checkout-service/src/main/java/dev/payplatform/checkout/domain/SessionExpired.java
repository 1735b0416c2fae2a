package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * The session expired, or was closed after too many failed attempts: nothing more is paid on it.
 */
public class SessionExpired extends DomainException {
  public SessionExpired() {
    super("This checkout session has expired or was closed.");
  }
}
