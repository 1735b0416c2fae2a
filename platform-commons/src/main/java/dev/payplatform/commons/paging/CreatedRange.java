package dev.payplatform.commons.paging;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;

/**
 * A list's {@code created[gte]} and {@code created[lte]} bounds (either may be null: unbounded),
 * read by {@link ListQuery#created} and turned into the query's conditions here, so every list
 * filters by creation time the same way.
 */
public record CreatedRange(Instant gte, Instant lte) {
  public static final String GTE = "created[gte]";
  public static final String LTE = "created[lte]";

  /** The conditions to append to a Panache query on {@code createdAt}; empty when unbounded. */
  public String where() {
    return (gte == null ? "" : " and createdAt >= :createdGte")
        + (lte == null ? "" : " and createdAt <= :createdLte");
  }

  /** Binds the parameters {@link #where()} names into {@code params}. */
  public Parameters bind(Parameters params) {
    if (gte != null) {
      params = params.and("createdGte", gte);
    }
    if (lte != null) {
      params = params.and("createdLte", lte);
    }
    return params;
  }
}
