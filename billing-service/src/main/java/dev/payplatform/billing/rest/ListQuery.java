package dev.payplatform.billing.rest;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a list request's query string: paging plus filters, every bad parameter reported in one 422
 * (query parameters arrive as strings so that {@code limit=abc} is a 422 naming it, not a 404).
 */
final class ListQuery {
  private final List<FieldError> errors = new ArrayList<>();
  private final PageRequest page;

  ListQuery(String limit, String offset) {
    PageRequest parsed;
    try {
      parsed = PageRequest.parse(limit, offset);
    } catch (ValidationFailedException e) {
      errors.addAll(e.errors());
      parsed = null;
    }
    page = parsed;
  }

  /** One of {@code allowed}; absent or empty means no filter. */
  String oneOf(String name, String raw, Set<String> allowed) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (!allowed.contains(raw)) {
      errors.add(
          FieldError.query(name, "must be one of: " + String.join(", ", new TreeSet<>(allowed))));
      return null;
    }
    return raw;
  }

  /** An object id with the given prefix; anything else could never match, so it is refused. */
  String idFilter(String name, String raw, String prefix) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (!Ids.looksLike(raw, prefix)) {
      errors.add(FieldError.query(name, "must be an id starting with " + prefix + "_"));
      return null;
    }
    return raw;
  }

  /** The page, once every parameter was read; throws the 422 listing each bad one. */
  PageRequest page() {
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    return page;
  }
}
