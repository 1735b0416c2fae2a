package dev.payplatform.bankrail;

/** An ISO 20022 message that is not well-formed, not valid against its schema, or not ours. */
public final class InvalidMessage extends RuntimeException {
  public InvalidMessage(String message) {
    super(message);
  }

  public InvalidMessage(String message, Throwable cause) {
    super(message, cause);
  }
}
