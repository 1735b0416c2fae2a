package dev.payplatform.commons.errors;

import java.util.List;

/** Bad input found by our own checks (money, pagination, cross-field rules): answered 422. */
public class ValidationFailedException extends RuntimeException {
  private final List<FieldError> errors;

  public ValidationFailedException(List<FieldError> errors) {
    super("validation failed: " + errors, null, false, false);
    this.errors = List.copyOf(errors);
  }

  public ValidationFailedException(FieldError error) {
    this(List.of(error));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
