package dev.payplatform.billing.messaging;

/** An event that cannot be applied as it is: logged and skipped, never retried. */
class MalformedEventException extends RuntimeException {
  MalformedEventException(String message) {
    super(message, null, false, false);
  }
}
