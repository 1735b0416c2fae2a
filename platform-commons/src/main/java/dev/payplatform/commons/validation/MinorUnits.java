package dev.payplatform.commons.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.payplatform.commons.money.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigInteger;

/**
 * An amount in minor units (cents) given as a JSON integer: greater than zero and at most {@link
 * Money#MAX_MINOR_UNITS} (10^13). The field is bound as the raw JSON value so that {@code "1000"},
 * {@code 10.5}, {@code 1e3} and numbers too big for a long are each a 422 on this field, reported
 * together with the body's other errors, rather than coerced, truncated or failing the whole body.
 * Null is valid: pair with {@code @NotNull}.
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = MinorUnits.Validator.class)
public @interface MinorUnits {
  String message() default
      "must be an integer number of minor units, e.g. 1000 for 10.00 USD (not a string or a"
          + " decimal)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<MinorUnits, Object> {
    @Override
    public boolean isValid(Object value, ConstraintValidatorContext ctx) {
      if (value == null) {
        return true;
      }
      if (!JsonIntegers.isInteger(value)) {
        return false;
      }
      BigInteger amount = JsonIntegers.toBigInteger(value);
      if (amount.signum() <= 0) {
        return Messages.fail(ctx, "must be greater than zero");
      }
      if (amount.compareTo(BigInteger.valueOf(Money.MAX_MINOR_UNITS)) > 0) {
        return Messages.fail(
            ctx, "must be at most " + Money.MAX_MINOR_UNITS + " minor units (the maximum amount)");
      }
      return true;
    }
  }
}
