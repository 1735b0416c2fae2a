package dev.payplatform.payments.service.ledger;

import dev.payplatform.commons.snapshot.Snapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Recomputes the ledger from its rows: every chain's hashes and order, every entry's balance, each
 * merchant's balance against its entries' nets, the chain heads, reconciled clearing and automatic
 * payouts' items, all on one snapshot of the database. Reports each difference. {@link
 * ChainVerification} walks the chains; {@link PayoutItemsVerification} checks the payouts.
 */
@ApplicationScoped
public class LedgerVerification {
  private static final String CHAINS =
      "select merchant_id, livemode, last_seq, last_hash from ledger_chain order by 1, 2";
  private static final String MERCHANT_BALANCES =
      "select e.merchant_id, e.livemode, p.currency, -sum(p.amount) from ledger_posting p"
          + " join ledger_entry e on e.id = p.entry_id where p.account like 'merchant:%'"
          + " group by 1, 2, 3";
  private static final String UNCHAINED =
      "select e.merchant_id, e.livemode, count(*) from ledger_entry e where not exists (select 1"
          + " from ledger_chain c where c.merchant_id = e.merchant_id and c.livemode = e.livemode)"
          + " group by 1, 2";
  private static final String ENTRY_NETS =
      "select merchant_id, livemode, currency, sum(net) from ledger_entry"
          + " where type not in ('available', 'settlement') group by 1, 2, 3";
  // Every payment or refund a reconciliation settled (or put in suspense): what it holds in
  // clearing, by the day the platform recorded it. Each must be zero once reconciled.
  private static final String RECONCILED_CLEARING =
      "select r.platform_day, r.source, p.currency, sum(p.amount) from (select distinct"
          + " platform_day, merchant_id, source from settlement_item where source is not null) r"
          + " join ledger_entry e on e.source = r.source and e.merchant_id = r.merchant_id"
          + " and e.livemode join ledger_posting p on p.entry_id = e.id"
          + " and p.account like 'processor:live:%:clearing' group by 1, 2, 3";

  private final ChainVerification chainVerification;
  private final PayoutItemsVerification payoutItems;

  public LedgerVerification(
      ChainVerification chainVerification, PayoutItemsVerification payoutItems) {
    this.chainVerification = chainVerification;
    this.payoutItems = payoutItems;
  }

  /** What a verification found; {@code reconciledDays}: days whose clearing was checked. */
  public record Report(long chains, long entries, long reconciledDays, List<String> problems) {
    Report(long chains, long entries, List<String> problems) {
      this(chains, entries, 0, problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Uni<Report> verify() {
    // One snapshot: entries posted meanwhile (a sweep, a payment) are wholly in it or wholly out.
    return Snapshot.read(
        s ->
            s.createNativeQuery(CHAINS, Object[].class)
                .getResultList()
                .chain(chains -> chainVerification.verify(s, chains))
                .map(walked -> new Report(walked.chains(), walked.entries(), walked.problems()))
                .chain(report -> verifyBalances(s, report))
                .chain(report -> verifyClearing(s, report))
                .chain(report -> verifyPayoutItems(s, report)));
  }

  /** Adds {@link PayoutItemsVerification}'s problems, if any. */
  private Uni<Report> verifyPayoutItems(Mutiny.Session s, Report report) {
    return payoutItems
        .problems(s)
        .map(
            found -> {
              List<String> problems = new ArrayList<>(report.problems());
              problems.addAll(found);
              return new Report(
                  report.chains(), report.entries(), report.reconciledDays(), problems);
            });
  }

  /** Clearing nets to zero for every reconciled day: each settled record's postings cancel. */
  private Uni<Report> verifyClearing(Mutiny.Session s, Report report) {
    return s.createNativeQuery(RECONCILED_CLEARING, Object[].class)
        .getResultList()
        .map(
            rows -> {
              List<String> problems = new ArrayList<>(report.problems());
              Set<Object> days = new HashSet<>();
              for (Object[] r : rows) {
                days.add(r[0]);
                long left = ((Number) r[3]).longValue();
                if (left != 0) {
                  problems.add(
                      "clearing of "
                          + r[0]
                          + ": "
                          + r[1]
                          + " leaves "
                          + left
                          + " "
                          + r[2]
                          + " in clearing after reconciliation");
                }
              }
              return new Report(report.chains(), report.entries(), days.size(), problems);
            });
  }

  /** Each merchant's balance (its accounts' postings) equals the sum of its entries' nets. */
  private Uni<Report> verifyBalances(Mutiny.Session s, Report report) {
    return s.createNativeQuery(MERCHANT_BALANCES, Object[].class)
        .getResultList()
        .chain(
            balances ->
                s.createNativeQuery(ENTRY_NETS, Object[].class)
                    .getResultList()
                    .map(
                        nets -> {
                          Map<String, Long> byPostings = totals(balances);
                          Map<String, Long> byEntries = totals(nets);
                          List<String> problems = new ArrayList<>(report.problems());
                          for (String k : union(byPostings, byEntries)) {
                            long a = byPostings.getOrDefault(k, 0L);
                            long b = byEntries.getOrDefault(k, 0L);
                            if (a != b) {
                              problems.add(
                                  k
                                      + ": the balance is "
                                      + a
                                      + " but its entries' nets add up to "
                                      + b);
                            }
                          }
                          return new Report(report.chains(), report.entries(), problems);
                        }))
        .chain(
            checked ->
                s.createNativeQuery(UNCHAINED, Object[].class)
                    .getResultList()
                    .map(
                        rows -> {
                          List<String> problems = new ArrayList<>(checked.problems());
                          for (Object[] r : rows) {
                            problems.add(
                                ChainVerification.name((String) r[0], (Boolean) r[1])
                                    + ": "
                                    + r[2]
                                    + " entries belong to no chain");
                          }
                          return new Report(checked.chains(), checked.entries(), problems);
                        }));
  }

  private static Map<String, Long> totals(List<Object[]> rows) {
    Map<String, Long> m = new HashMap<>();
    for (Object[] r : rows) {
      m.put(
          r[0] + ":" + (((Boolean) r[1]) ? "live" : "test") + ":" + r[2],
          ((Number) r[3]).longValue());
    }
    return m;
  }

  private static List<String> union(Map<String, Long> a, Map<String, Long> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }
}
