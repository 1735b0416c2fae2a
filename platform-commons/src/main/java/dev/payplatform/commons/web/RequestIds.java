package dev.payplatform.commons.web;

import dev.payplatform.commons.ids.Ids;
import io.smallrye.common.vertx.ContextLocals;
import java.util.Optional;

/**
 * The request id (docs/architecture.md, "Request path"): taken from {@code X-Request-Id} (sanitised
 * and capped) or generated, kept on the request's Vert.x context so logs and emitted events carry
 * it.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  static final String LOCAL_KEY = "platform.requestId";
  public static final String MDC_KEY = "requestId";
  private static final int MAX_LENGTH = 128;

  /**
   * 13 or more digits in a row (single separators allowed): what a card number could be. Such an id
   * is replaced, because request ids are logged and stored with events, where card data must never
   * be (a UUID has such a run about once in 500).
   */
  private static final java.util.regex.Pattern CARD_LIKE =
      java.util.regex.Pattern.compile("\\d(?:[-_.:]?\\d){12,}");

  private RequestIds() {}

  /** Keeps a caller's id if it is made of safe characters, else makes a new one. */
  public static String sanitizeOrGenerate(String candidate) {
    if (candidate != null) {
      String trimmed = candidate.strip();
      if (!trimmed.isEmpty()
          && trimmed.length() <= MAX_LENGTH
          && isSafe(trimmed)
          && !CARD_LIKE.matcher(trimmed).find()) {
        return trimmed;
      }
    }
    return Ids.newId("req");
  }

  private static boolean isSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The current request's id, when called on a request's context. */
  public static Optional<String> current() {
    try {
      return ContextLocals.get(LOCAL_KEY);
    } catch (UnsupportedOperationException | IllegalStateException notOnRequestContext) {
      return Optional.empty();
    }
  }
}
