package dev.payplatform.commons.validation;

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
import java.math.BigInteger;

/**
 * A JSON integer between {@code min} and {@code max}, bound as the raw JSON value so that strings,
 * decimals and huge numbers are a 422 on this field rather than coerced or truncated. Null is
 * valid.
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = WholeNumber.Validator.class)
public @interface WholeNumber {
  String message() default "must be an integer";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  long min();

  long max();

  class Validator implements ConstraintValidator<WholeNumber, Object> {
    private long min;
    private long max;

    @Override
    public void initialize(WholeNumber annotation) {
      min = annotation.min();
      max = annotation.max();
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext ctx) {
      if (value == null) {
        return true;
      }
      boolean ok =
          JsonIntegers.isInteger(value)
              && JsonIntegers.toBigInteger(value).compareTo(BigInteger.valueOf(min)) >= 0
              && JsonIntegers.toBigInteger(value).compareTo(BigInteger.valueOf(max)) <= 0;
      return ok || Messages.fail(ctx, "must be an integer between " + min + " and " + max);
    }
  }
}
