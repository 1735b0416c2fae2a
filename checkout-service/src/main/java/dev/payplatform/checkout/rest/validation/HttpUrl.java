package dev.payplatform.checkout.rest.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An absolute http(s) URL with a host, at most 2048 characters: where a buyer's browser is sent
 * after paying. Anything else (javascript:, relative paths, spaces) could not be followed or would
 * be dangerous to redirect to. Null is valid.
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = HttpUrl.Validator.class)
public @interface HttpUrl {
  int MAX_LENGTH = 2048;

  String message() default "must be an absolute http or https URL";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<HttpUrl, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext ctx) {
      if (value == null) {
        return true;
      }
      if (value.length() > MAX_LENGTH) {
        return Violations.fail(ctx, "must be at most " + MAX_LENGTH + " characters");
      }
      return Violations.isHttpUrl(value);
    }
  }
}
