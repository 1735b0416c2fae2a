package dev.payplatform.edge.domain;

import dev.payplatform.commons.errors.DomainException;

/** Only a key that still works can be rolled: a revoked or expired one stays as it is. */
public class KeyNotRollable extends DomainException {
  public KeyNotRollable(String id) {
    super("key " + id + " is revoked or expired and cannot be rolled");
  }
}
