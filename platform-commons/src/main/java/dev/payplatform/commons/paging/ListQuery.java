package dev.payplatform.commons.paging;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads a list request's query string: paging plus filters, every bad parameter reported in one 422
 * (query parameters arrive as strings so that {@code active=maybe} is a 422 naming it, not a 404).
 * Read every filter, then {@link #page()}.
 */
public final class ListQuery {
  private final List<FieldError> errors = new ArrayList<>();
  private final PageRequest page;

  public ListQuery(String limit, String offset) {
    PageRequest parsed;
    try {
      parsed = PageRequest.parse(limit, offset);
    } catch (ValidationFailedException e) {
      errors.addAll(e.errors());
      parsed = null;
    }
    page = parsed;
  }

  /** {@code true} or {@code false} (any case); absent or empty means no filter. */
  public Boolean booleanFilter(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    String value = raw.toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    errors.add(FieldError.query(name, "value could not be parsed to a boolean"));
    return null;
  }

  /** An object id with the given prefix; anything else could never match, so it is refused. */
  public String idFilter(String name, String raw, String prefix) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (!Ids.looksLike(raw, prefix)) {
      errors.add(FieldError.query(name, "must be an id starting with " + prefix + "_"));
      return null;
    }
    return raw;
  }

  /** One of {@code allowed}; absent or empty means no filter. */
  public String oneOf(String name, String raw, Set<String> allowed) {
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

  /**
   * A trimmed value {@code valid} accepts (an email address, say); absent or blank means no filter,
   * anything else is reported with {@code message}.
   */
  public String textFilter(String name, String raw, Predicate<String> valid, String message) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    if (!valid.test(value)) {
      errors.add(FieldError.query(name, message));
      return null;
    }
    return value;
  }

  /**
   * A point in time, as Unix seconds ({@code 1764316800}) or an ISO-8601 timestamp with an offset
   * ({@code 2026-11-28T08:00:00Z}); absent or empty means no filter.
   */
  public Instant instantFilter(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    String value = raw.strip();
    try {
      if (value.matches("-?[0-9]{1,12}")) {
        return Instant.ofEpochSecond(Long.parseLong(value));
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      errors.add(
          FieldError.query(name, "must be Unix seconds or an ISO-8601 timestamp with an offset"));
      return null;
    }
  }

  /**
   * The {@code created[gte]} and {@code created[lte]} filters (see {@link #instantFilter}), each
   * bad one reported under its own name.
   */
  public CreatedRange created(String gte, String lte) {
    return new CreatedRange(
        instantFilter(CreatedRange.GTE, gte), instantFilter(CreatedRange.LTE, lte));
  }

  /** The page, once every parameter was read; throws the 422 listing each bad one. */
  public PageRequest page() {
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    return page;
  }
}
