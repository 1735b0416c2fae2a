package dev.payplatform.commons.validation;

/** Character rules shared by the text constraints and the query filters. */
public final class Texts {
  private Texts() {}

  /** True when the text holds a control character (line breaks and tabs allowed if multiline). */
  public static boolean hasControlCharacters(String text, boolean multiline) {
    return text.codePoints()
        .anyMatch(
            cp ->
                Character.isISOControl(cp)
                    && !(multiline && (cp == '\n' || cp == '\r' || cp == '\t')));
  }

  /** The trimmed text, or null when it is absent or blank (blank optional fields are unset). */
  public static String trimToNull(String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    return text.isEmpty() ? null : text;
  }
}
