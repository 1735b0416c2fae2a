package dev.payplatform.catalog.rest.validation;

import java.util.regex.Pattern;

/** The email address rules of {@link EmailAddress}, also applied to the list filter. */
public final class Emails {
  public static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL_LENGTH = 64;
  private static final Pattern SHAPE =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+"
              + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");

  private Emails() {}

  /** Whether an already trimmed address is valid. */
  public static boolean isValid(String email) {
    if (email.length() > MAX_LENGTH || !SHAPE.matcher(email).matches()) {
      return false;
    }
    String local = email.substring(0, email.lastIndexOf('@'));
    return local.length() <= MAX_LOCAL_LENGTH
        && !local.startsWith(".")
        && !local.endsWith(".")
        && !local.contains("..");
  }
}
