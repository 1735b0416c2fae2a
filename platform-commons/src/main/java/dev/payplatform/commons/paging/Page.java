package dev.payplatform.commons.paging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;

/** The list envelope {@code {"items": [...], "total_items": N, "limit": L, "offset": O}}. */
public record Page<T>(
    List<T> items, @JsonProperty("total_items") long totalItems, int limit, int offset) {

  public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
    return new Page<>(items, total, request.limit(), request.offset());
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), totalItems, limit, offset);
  }
}
