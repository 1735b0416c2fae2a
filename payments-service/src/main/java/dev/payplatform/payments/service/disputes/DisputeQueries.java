package dev.payplatform.payments.service.disputes;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.DisputeNotFound;
import dev.payplatform.payments.domain.DisputeStatus;
import dev.payplatform.payments.domain.LedgerEntry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A merchant's disputes, newest first, each with its balance transactions (the money it moved).
 * Every query is bound to the caller's merchant and mode.
 */
@ApplicationScoped
public class DisputeQueries {
  static final Set<String> MONEY_TYPES = Set.of("dispute", "dispute_fee", "dispute_reversal");

  /** A dispute and its balance transactions, oldest first. */
  public record Found(Dispute dispute, List<LedgerEntry> balanceTransactions) {}

  /** The list's filters; null means none. */
  public record Filter(String paymentId, String status, CreatedRange created) {}

  @WithSession
  public Uni<Page<Found>> list(Tenant tenant, Filter filter, PageRequest page) {
    String where = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (filter.paymentId() != null) {
      where += " and paymentId = :paymentId";
      params = params.and("paymentId", filter.paymentId());
    }
    if (filter.status() != null) {
      where += " and status = :status";
      params = params.and("status", DisputeStatus.parse(filter.status()));
    }
    where += filter.created().where();
    params = filter.created().bind(params);
    return Pages.of(Dispute.<Dispute>find(where, Pages.NEWEST_FIRST, params), page)
        .chain(disputes -> withMoney(tenant, disputes));
  }

  @WithSession
  public Uni<Found> get(Tenant tenant, String id) {
    if (!Ids.looksLike(id, Dispute.PREFIX)) {
      return Uni.createFrom().failure(new DisputeNotFound(id));
    }
    return Dispute.<Dispute>find(Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new DisputeNotFound(id))
        .chain(d -> withMoney(tenant, new Page<>(List.of(d), 1, 1, 0)).map(p -> p.items().get(0)));
  }

  private Uni<Page<Found>> withMoney(Tenant tenant, Page<Dispute> disputes) {
    List<String> ids = disputes.items().stream().map(d -> d.id).toList();
    if (ids.isEmpty()) {
      return Uni.createFrom().item(disputes.map(d -> new Found(d, List.of())));
    }
    return LedgerEntry.<LedgerEntry>list(
            Tenant.WHERE + " and source in :ids and type in :types order by id",
            tenant.parameters("ids", ids).and("types", MONEY_TYPES))
        .map(
            entries -> {
              Map<String, List<LedgerEntry>> bySource =
                  entries.stream().collect(Collectors.groupingBy(e -> e.source));
              return disputes.map(d -> new Found(d, bySource.getOrDefault(d.id, List.of())));
            });
  }
}
