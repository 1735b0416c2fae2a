package dev.payplatform.commons.paging;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** One page of a Panache list query plus the total; lists are newest first. */
public final class Pages {
  /** The API's list order; the indexes (merchant_id, livemode, created_at desc, id desc) match. */
  public static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

  private Pages() {}

  public static <T> Uni<Page<T>> of(PanacheQuery<T> query, PageRequest request) {
    // Sequential, not combined: one reactive session runs one statement at a time.
    return query
        .count()
        .chain(
            total -> {
              if (request.offset() >= total) {
                return Uni.createFrom().item(Page.of(List.<T>of(), total, request));
              }
              // offset + limit can pass Integer.MAX_VALUE when the offset is huge.
              int last =
                  (int) Math.min((long) request.offset() + request.limit() - 1, Integer.MAX_VALUE);
              return query
                  .range(request.offset(), last)
                  .list()
                  .map(items -> Page.of(items, total, request));
            });
  }
}
