package dev.payplatform.edge.domain;

import dev.payplatform.commons.errors.DomainException;

/** The operator named a key that does not exist, or is another merchant's. */
public class KeyNotFound extends DomainException {
  private final String id;

  public KeyNotFound(String id) {
    super("No such key: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
