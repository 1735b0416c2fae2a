package dev.payplatform.commons.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a violation with a message computed at validation time. */
public final class Messages {
  private Messages() {}

  public static boolean fail(ConstraintValidatorContext ctx, String message) {
    ctx.disableDefaultConstraintViolation();
    ctx.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
    return false;
  }

  // The message is a template: braces and dollars in it would be interpolated, not shown.
  private static String escape(String message) {
    return message
        .replace("\\", "\\\\")
        .replace("{", "\\{")
        .replace("}", "\\}")
        .replace("$", "\\$");
  }
}
