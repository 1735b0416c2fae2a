package dev.payplatform.events.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an endpoint's {@code enabled_events} (or a list's {@code type} filter) matches: {@code *}
 * every type, {@code payment.*} every type under {@code payment.}, anything else exactly that type.
 */
public final class EventTypePatterns {
  private static final Pattern VALID =
      Pattern.compile("\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.\\*)?");

  private EventTypePatterns() {}

  public static boolean isValid(String pattern) {
    return pattern != null && pattern.length() <= 100 && VALID.matcher(pattern).matches();
  }

  public static boolean matches(String pattern, String type) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.endsWith(".*")) {
      return type.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(type);
  }

  public static boolean anyMatches(List<String> patterns, String type) {
    for (String p : patterns) {
      if (matches(p, type)) {
        return true;
      }
    }
    return false;
  }

  /** A pattern as an SQL {@code like} operand ({@code _} and {@code %} escaped with {@code \}). */
  public static String likeOperand(String pattern) {
    if (pattern.equals("*")) {
      return "%";
    }
    String escaped = pattern.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    return escaped.endsWith(".*") ? escaped.substring(0, escaped.length() - 1) + "%" : escaped;
  }
}
