package dev.payplatform.commons.messaging;

/**
 * An event that can never be applied as it is (missing or unusable fields): the consumer mechanism
 * sends it to the dead-letter topic at once instead of retrying it.
 */
public class MalformedEventException extends RuntimeException {
  public MalformedEventException(String message) {
    super(message, null, false, false);
  }

  public MalformedEventException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
