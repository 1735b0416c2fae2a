package dev.payplatform.commons.messaging;

/**
 * A well-formed event that cannot be applied to the object it names (another merchant's object, an
 * amount that differs from the one charged, a second charge of a settled payment): like a malformed
 * one, it goes to the dead-letter topic at once with this reason, where an operator sees it,
 * instead of being logged and forgotten.
 */
public class InapplicableEventException extends MalformedEventException {
  public InapplicableEventException(String message) {
    super(message);
  }
}
