package dev.payplatform.payments.service.ledger;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.payments.domain.BalanceTransactionNotFound;
import dev.payplatform.payments.domain.LedgerEntry;
import dev.payplatform.payments.domain.Posting;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A merchant's balance (sums of its accounts' postings, nothing cached) and balance transactions
 * (its charge, refund, adjustment and fee entries; the internal moves to available are not listed:
 * they set a charge's status).
 */
@ApplicationScoped
public class LedgerQueries {
  /** The types a merchant sees; {@code available} entries are internal. */
  public static final Set<String> LISTED_TYPES =
      Set.of(
          "charge",
          "refund",
          "adjustment",
          "fee",
          "dispute",
          "dispute_fee",
          "dispute_reversal",
          "payout",
          "payout_failure",
          "payout_cancel");

  private static final String BALANCES =
      "select account, currency, sum(amount) from ledger_posting where account like ?1 escape '\\'"
          + " group by account, currency";

  /** Per currency: minor units available and pending. */
  public record Balance(Map<String, Long> available, Map<String, Long> pending) {}

  /** A balance transaction and whether its money is available yet. */
  public record Transaction(LedgerEntry entry, boolean available) {}

  /** The list's filters; null means none. */
  public record Filter(String type, String source, String payout, CreatedRange created) {}

  @WithSession
  public Uni<Balance> balance(Tenant tenant) {
    String prefix =
        Posting.merchantPrefix(tenant.merchantId(), tenant.livemode())
                .replace("\\", "\\\\")
                .replace("_", "\\_")
                .replace("%", "\\%")
            + "%";
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(BALANCES, Object[].class)
                    .setParameter(1, prefix)
                    .getResultList())
        .map(
            rows -> {
              Map<String, Long> available = new TreeMap<>();
              Map<String, Long> pending = new TreeMap<>();
              for (Object[] r : rows) {
                String account = (String) r[0];
                // A merchant's balance is what the ledger owes it: the credit side.
                long owed = -((Number) r[2]).longValue();
                (account.endsWith(":available") ? available : pending)
                    .merge((String) r[1], owed, Long::sum);
              }
              return new Balance(available, pending);
            });
  }

  @WithSession
  public Uni<Page<Transaction>> list(Tenant tenant, Filter filter, PageRequest page) {
    String where = Tenant.WHERE + " and type in :types";
    Parameters params =
        tenant
            .parameters()
            .and("types", filter.type() == null ? LISTED_TYPES : Set.of(filter.type()));
    if (filter.source() != null) {
      where += " and source = :source";
      params = params.and("source", filter.source());
    }
    if (filter.payout() != null) {
      // What the payout paid: its items (docs/payouts.md).
      where += " and txnId in (select i.txnId from PayoutItem i where i.payoutId = :payout)";
      params = params.and("payout", filter.payout());
    }
    where += filter.created().where();
    params = filter.created().bind(params);
    return Pages.of(LedgerEntry.<LedgerEntry>find(where, Pages.NEWEST_FIRST, params), page)
        .chain(entries -> withStatus(tenant, entries));
  }

  @WithSession
  public Uni<Transaction> get(Tenant tenant, String txnId) {
    if (!Ids.looksLike(txnId, Ledger.TXN_PREFIX)) {
      return Uni.createFrom().failure(new BalanceTransactionNotFound(txnId));
    }
    return LedgerEntry.<LedgerEntry>find(
            Tenant.WHERE + " and txnId = :id and type in :types",
            tenant.parameters("id", txnId).and("types", LISTED_TYPES))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new BalanceTransactionNotFound(txnId))
        .chain(
            e ->
                withStatus(tenant, new Page<>(List.of(e), 1, 1, 0))
                    .map(page -> page.items().get(0)));
  }

  /**
   * A charge is available once its move to available is posted, or at once when it had no
   * settlement delay (credited to available directly: available on its creation); anything else at
   * once.
   */
  private Uni<Page<Transaction>> withStatus(Tenant tenant, Page<LedgerEntry> entries) {
    List<String> charges =
        entries.items().stream().filter(e -> e.type.equals("charge")).map(e -> e.source).toList();
    Uni<Set<String>> settled =
        charges.isEmpty()
            ? Uni.createFrom().item(Set.of())
            : LedgerEntry.<LedgerEntry>list(
                    Tenant.WHERE + " and type = 'available' and source in :sources",
                    tenant.parameters("sources", charges))
                .map(list -> list.stream().map(e -> e.source).collect(Collectors.toSet()));
    return settled.map(
        done ->
            entries.map(
                e ->
                    new Transaction(
                        e,
                        !e.type.equals("charge")
                            || !e.availableOn.isAfter(e.createdAt)
                            || done.contains(e.source))));
  }
}
