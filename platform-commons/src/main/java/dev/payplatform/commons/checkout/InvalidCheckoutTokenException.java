package dev.payplatform.commons.checkout;

/** A checkout token that is malformed, tampered with, signed by someone else, or expired. */
public class InvalidCheckoutTokenException extends RuntimeException {
  private final boolean expired;

  public InvalidCheckoutTokenException(String message, boolean expired) {
    super(message, null, false, false);
    this.expired = expired;
  }

  public boolean expired() {
    return expired;
  }
}
