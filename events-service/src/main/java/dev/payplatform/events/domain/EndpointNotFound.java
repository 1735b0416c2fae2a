package dev.payplatform.events.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * No webhook endpoint of the caller's merchant and mode has this id: unknown, malformed, another
 * merchant's and another mode's all look the same.
 */
public class EndpointNotFound extends DomainException {
  private final String id;

  public EndpointNotFound(String id) {
    super("No such webhook endpoint: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
