package dev.payplatform.commons.errors;

import java.util.List;

/**
 * One entry of the documented 422 body: {@code {"loc": ["body","amount"], "msg": ..., "type":
 * ...}}.
 */
public record FieldError(List<String> loc, String msg, String type) {

  public static FieldError missing(String where, String field) {
    return new FieldError(List.of(where, field), "field required", "value_error.missing");
  }

  public static FieldError invalid(String where, String field, String msg) {
    return new FieldError(List.of(where, field), msg, "value_error");
  }

  public static FieldError body(String field, String msg) {
    return invalid("body", field, msg);
  }

  public static FieldError query(String field, String msg) {
    return invalid("query", field, msg);
  }
}
