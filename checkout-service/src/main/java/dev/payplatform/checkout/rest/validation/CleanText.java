package dev.payplatform.checkout.rest.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text shown to buyers on the hosted page: measured after trimming, in Unicode characters, without
 * control characters. Null is valid: pair with {@code @NotNull} where required.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = CleanText.Validator.class)
public @interface CleanText {
  String message() default "is not valid text";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  int min() default 0;

  int max();

  class Validator implements ConstraintValidator<CleanText, String> {
    private int min;
    private int max;

    @Override
    public void initialize(CleanText annotation) {
      min = annotation.min();
      max = annotation.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext ctx) {
      if (value == null) {
        return true;
      }
      String text = value.strip();
      if (min > 0 && text.isEmpty()) {
        return Violations.fail(ctx, "must not be blank");
      }
      if (text.codePoints().anyMatch(Character::isISOControl)) {
        return Violations.fail(ctx, "must not contain control characters");
      }
      int length = text.codePointCount(0, text.length());
      if (length > max) {
        return Violations.fail(ctx, "must be at most " + max + " characters");
      }
      return true;
    }
  }
}
