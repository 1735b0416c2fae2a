package dev.payplatform.commons.errors;

/**
 * A business rule said no. Services throw these and never HTTP shapes; each service's {@code rest/}
 * package maps its domain errors to the documented answers. Cheap to throw: no stack trace, as
 * these are answers, not faults.
 */
public abstract class DomainException extends RuntimeException {
  protected DomainException(String message) {
    super(message, null, false, false);
  }
}
