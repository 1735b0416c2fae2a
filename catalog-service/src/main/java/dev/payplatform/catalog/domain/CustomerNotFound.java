package dev.payplatform.catalog.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * No customer of the caller's merchant and mode has this id: unknown, malformed, another merchant's
 * and another mode's all look the same.
 */
public class CustomerNotFound extends DomainException {
  private final String id;

  public CustomerNotFound(String id) {
    super("No such customer: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
