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

/**
 * An email address someone can be mailed at, after trimming: an ASCII local part (at most 64
 * characters, dot-atom: no leading, trailing or double dots), {@code @}, and a domain name with at
 * least two labels and an alphabetic top-level label (internationalised domains in their {@code
 * xn--} form); at most {@value Emails#MAX_LENGTH} characters in all (RFC 5321). Null is valid.
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = EmailAddress.Validator.class)
public @interface EmailAddress {
  String message() default "must be a valid email address";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<EmailAddress, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext ctx) {
      if (value == null) {
        return true;
      }
      String email = value.strip();
      if (email.length() > Emails.MAX_LENGTH) {
        return Messages.fail(ctx, "must be at most " + Emails.MAX_LENGTH + " characters");
      }
      return Emails.isValid(email);
    }
  }
}
