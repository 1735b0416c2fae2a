package dev.payplatform.commons.validation;

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
 * A text field measured after trimming (leading and trailing whitespace never count), in Unicode
 * characters, without control characters (PostgreSQL refuses NUL, and a name with a line break is a
 * mistake). {@code multiline} fields may hold line breaks and tabs. Null is valid: pair with
 * {@code @NotNull} for required fields.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = TrimmedText.Validator.class)
public @interface TrimmedText {
  String message() default "is not valid text";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  int min() default 0;

  int max();

  boolean multiline() default false;

  class Validator implements ConstraintValidator<TrimmedText, String> {
    private int min;
    private int max;
    private boolean multiline;

    @Override
    public void initialize(TrimmedText annotation) {
      min = annotation.min();
      max = annotation.max();
      multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext ctx) {
      if (value == null) {
        return true;
      }
      String text = value.strip();
      if (min > 0 && text.isEmpty()) {
        return Messages.fail(ctx, "must not be blank");
      }
      if (Texts.hasControlCharacters(text, multiline)) {
        return Messages.fail(ctx, "must not contain control characters");
      }
      int length = text.codePointCount(0, text.length());
      if (length < min) {
        return Messages.fail(ctx, "must be at least " + min + " characters");
      }
      if (length > max) {
        return Messages.fail(ctx, "must be at most " + max + " characters");
      }
      return true;
    }
  }
}
