package dev.payplatform.catalog.rest;

import dev.payplatform.catalog.rest.validation.Emails;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.validation.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a list request's query string: paging plus filters, every bad parameter reported in one 422
 * (query parameters arrive as strings so that {@code active=maybe} is a 422 naming it, not a 404).
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

  /** {@code true} or {@code false} (any case); absent or empty means no filter. */
  Boolean booleanFilter(String name, String raw) {
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

  /** An email address (matched case-insensitively); trimmed, validated like the field. */
  String emailFilter(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String email = raw.strip();
    if (Texts.hasControlCharacters(email, false) || !Emails.isValid(email)) {
      errors.add(FieldError.query(name, "must be a valid email address"));
      return null;
    }
    return email;
  }

  /** The page, once every parameter was read; throws the 422 listing each bad one. */
  PageRequest page() {
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    return page;
  }
}
