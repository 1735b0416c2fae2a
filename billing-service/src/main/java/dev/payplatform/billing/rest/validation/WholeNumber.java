package dev.payplatform.billing.rest.validation;

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

/** A JSON integer (not a string, not a decimal) between min and max. Null is valid. */
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
      if (!JsonIntegers.isInteger(value)) {
        return Messages.fail(ctx, "must be an integer between " + min + " and " + max);
      }
      BigInteger v = JsonIntegers.toBigInteger(value);
      if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
        return Messages.fail(ctx, "must be between " + min + " and " + max);
      }
      return true;
    }
  }
}
