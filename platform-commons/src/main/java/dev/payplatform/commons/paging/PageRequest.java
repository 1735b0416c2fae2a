package dev.payplatform.commons.paging;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code limit} (default 10, 1-100) and {@code offset} (default 0, at least 0) from the query
 * string. Taken as raw strings so that {@code limit=abc} is a 422 naming the field, not a 404.
 */
public record PageRequest(int limit, int offset) {
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 100;

  public static PageRequest parse(String limit, String offset) {
    List<FieldError> errors = new ArrayList<>();
    int l = parseInt(limit, DEFAULT_LIMIT, 1, MAX_LIMIT, "limit", errors);
    int o = parseInt(offset, 0, 0, Integer.MAX_VALUE, "offset", errors);
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    return new PageRequest(l, o);
  }

  private static int parseInt(
      String raw, int dflt, int min, int max, String field, List<FieldError> errors) {
    if (raw == null || raw.isEmpty()) {
      return dflt;
    }
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      errors.add(
          new FieldError(List.of("query", field), "value is not a valid integer", "type_error"));
      return dflt;
    }
    if (value < min || value > max) {
      String msg =
          max == Integer.MAX_VALUE
              ? "must be greater than or equal to " + min
              : "must be between " + min + " and " + max;
      errors.add(new FieldError(List.of("query", field), msg, "value_error"));
      return dflt;
    }
    return (int) value;
  }
}
