package dev.payplatform.catalog.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * No product of the caller's merchant and mode has this id: unknown, malformed, another merchant's
 * and another mode's all look the same.
 */
public class ProductNotFound extends DomainException {
  private final String id;

  public ProductNotFound(String id) {
    super("No such product: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
