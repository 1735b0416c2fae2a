package dev.payplatform.commons.state;

import java.util.Locale;

/**
 * A status enum's word on the wire and in its column: the lower-case constant name ({@code
 * requires_action}). Implemented by every status enum; {@link WireWordColumn} stores it.
 */
public interface WireWord {
  String name();

  default String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose word is {@code word}, or null when none is. */
  static <E extends Enum<E> & WireWord> E parse(Class<E> type, String word) {
    if (word == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.wire().equals(word)) {
        return constant;
      }
    }
    return null;
  }
}
