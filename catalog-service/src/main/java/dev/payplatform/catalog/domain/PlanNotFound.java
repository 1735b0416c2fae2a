package dev.payplatform.catalog.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * No plan of the caller's merchant and mode has this id: unknown, malformed, another merchant's and
 * another mode's all look the same.
 */
public class PlanNotFound extends DomainException {
  private final String id;

  public PlanNotFound(String id) {
    super("No such plan: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
