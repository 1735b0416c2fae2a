package dev.payplatform.payments.domain;

import dev.payplatform.commons.errors.DomainException;

/** No dispute of the caller's merchant and mode has this id (another merchant's looks the same). */
public class DisputeNotFound extends DomainException {
  private final String id;

  public DisputeNotFound(String id) {
    super("No such dispute: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
