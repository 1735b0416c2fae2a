package dev.payplatform.commons.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.money.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An ISO-4217 code that can carry payments, in any case; {@link Money#parseCurrency} decides, so
 * the rule and its messages are the platform's. Null is valid: pair with {@code @NotNull}.
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = CurrencyCode.Validator.class)
public @interface CurrencyCode {
  String message() default "must be an ISO-4217 currency code";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<CurrencyCode, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext ctx) {
      if (value == null) {
        return true;
      }
      try {
        Money.parseCurrency(value, "body", "currency");
        return true;
      } catch (ValidationFailedException e) {
        return Messages.fail(ctx, e.errors().get(0).msg());
      }
    }
  }
}
