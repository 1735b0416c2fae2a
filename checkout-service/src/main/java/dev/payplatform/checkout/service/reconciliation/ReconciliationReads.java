package dev.payplatform.checkout.service.reconciliation;

import dev.payplatform.checkout.domain.reconciliation.ReconciliationItem;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationItemStatus;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationKind;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationNotFound;
import dev.payplatform.checkout.domain.reconciliation.ReconciliationRun;
import dev.payplatform.commons.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** What operators read: runs, newest first, and items, in the order a run made them. */
@ApplicationScoped
public class ReconciliationReads {

  /** A page of something and how many there are in all. */
  public record Found<T>(List<T> items, long total) {}

  public Uni<Found<ReconciliationRun>> runs(String accountId, LocalDate day, PageRequest page) {
    StringBuilder where = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (accountId != null) {
      where.append(" and gatewayAccountId = :account");
      params.and("account", accountId);
    }
    if (day != null) {
      where.append(" and businessDay = :day");
      params.and("day", day);
    }
    return Panache.withSession(
        () ->
            page(
                ReconciliationRun.find(
                    where.toString(), Sort.descending("createdAt", "id"), params),
                page));
  }

  public Uni<ReconciliationRun> run(String id) {
    return Panache.withSession(() -> ReconciliationRun.<ReconciliationRun>findById(id))
        .onItem()
        .ifNull()
        .failWith(() -> new ReconciliationNotFound("run", id));
  }

  /** Items of a run, or of every run ({@code runId} null), filtered by kind and status. */
  public Uni<Found<ReconciliationItem>> items(
      String runId, ReconciliationKind kind, ReconciliationItemStatus status, PageRequest page) {
    StringBuilder where = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (runId != null) {
      where.append(" and runId = :run");
      params.and("run", runId);
    }
    if (kind != null) {
      where.append(" and kind = :kind");
      params.and("kind", kind);
    }
    if (status != null) {
      where.append(" and status = :status");
      params.and("status", status);
    }
    Sort order =
        runId != null ? Sort.ascending("createdAt", "id") : Sort.descending("createdAt", "id");
    return Panache.withSession(
        () -> page(ReconciliationItem.find(where.toString(), order, params), page));
  }

  public Uni<ReconciliationItem> item(String id) {
    return Panache.withSession(() -> ReconciliationItem.<ReconciliationItem>findById(id))
        .onItem()
        .ifNull()
        .failWith(() -> new ReconciliationNotFound("item", id));
  }

  private static <T> Uni<Found<T>> page(PanacheQuery<T> query, PageRequest page) {
    return query
        .count()
        .chain(
            total ->
                query
                    .range(page.offset(), page.offset() + page.limit() - 1)
                    .list()
                    .map(list -> new Found<>(list, total)));
  }
}
