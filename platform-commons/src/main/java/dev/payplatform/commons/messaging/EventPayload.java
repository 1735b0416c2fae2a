package dev.payplatform.commons.messaging;

/**
 * A consumer's own payload record for one event type (tolerant reader: unknown fields ignored).
 * {@link #problem()} says why a mapped payload cannot be applied; the mechanism dead-letters it.
 */
public interface EventPayload {
  /** Null when the payload is usable, else what is wrong with it. */
  default String problem() {
    return null;
  }

  /** An ISO-4217 code as events carry it (three upper-case letters, known to the JDK). */
  static boolean isCurrencyCode(String code) {
    try {
      return code != null && code.length() == 3 && java.util.Currency.getInstance(code) != null;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }
}
