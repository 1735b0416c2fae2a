package dev.payplatform.checkout.rest.validation;

import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Helpers of the constraint validators. */
final class Violations {
  private Violations() {}

  /** Replaces the default message; the text is literal (no EL interpolation of user input). */
  static boolean fail(ConstraintValidatorContext ctx, String message) {
    ctx.disableDefaultConstraintViolation();
    ctx.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
        .addConstraintViolation();
    return false;
  }

  static boolean isHttpUrl(String value) {
    if (value.isEmpty() || value.codePoints().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      return false;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty()
          && uri.getUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
