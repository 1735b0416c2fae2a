package dev.payplatform.events.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * No event of the caller's merchant and mode has this id: unknown, malformed, another merchant's
 * and another mode's all look the same.
 */
public class EventNotFound extends DomainException {
  private final String id;

  public EventNotFound(String id) {
    super("No such event: " + id);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
