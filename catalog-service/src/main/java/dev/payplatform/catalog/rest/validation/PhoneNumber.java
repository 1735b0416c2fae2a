package dev.payplatform.catalog.rest.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.payplatform.commons.validation.Messages;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A phone number as people write it, after trimming: an optional leading {@code +}, then digits
 * with optional spaces, dots, dashes and parentheses; 7 to 15 digits (E.164 allows at most 15) and
 * at most {@value #MAX_LENGTH} characters. Null and blank are valid (the field is optional).
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = PhoneNumber.Validator.class)
public @interface PhoneNumber {
  int MAX_LENGTH = 32;

  String message() default
      "must be a phone number such as +1 415 555 0100 (7 to 15 digits; spaces, dots, dashes and"
          + " parentheses allowed)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PhoneNumber, String> {
    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9][0-9 ().-]*");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext ctx) {
      if (value == null || value.isBlank()) {
        return true;
      }
      String phone = value.strip();
      if (phone.length() > MAX_LENGTH) {
        return Messages.fail(ctx, "must be at most " + MAX_LENGTH + " characters");
      }
      if (!SHAPE.matcher(phone).matches()) {
        return false;
      }
      long digits = phone.chars().filter(c -> c >= '0' && c <= '9').count();
      return digits >= 7 && digits <= 15;
    }
  }
}
