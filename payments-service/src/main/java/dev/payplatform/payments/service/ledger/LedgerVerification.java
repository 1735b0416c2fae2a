package dev.payplatform.payments.service.ledger;

import dev.payplatform.commons.snapshot.Snapshot;
import dev.payplatform.payments.domain.LedgerHash;
import dev.payplatform.payments.domain.Posting;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Recomputes the ledger from its rows: every chain's hashes and order, every entry's balance, each
 * merchant's balance against its entries' nets, the chain heads, reconciled clearing and automatic
 * payouts' items, all on one snapshot of the database. Reports each difference.
 */
@ApplicationScoped
public class LedgerVerification {
  private static final int BATCH = 1000;
  private static final String CHAINS =
      "select merchant_id, livemode, last_seq, last_hash from ledger_chain order by 1, 2";
  private static final String ENTRIES =
      "select id, txn_id, idem_key, type, source, currency, amount, fee, net, original_amount,"
          + " original_currency, exchange_rate, available_on, created_at, chain_seq, prev_hash,"
          + " hash from ledger_entry where merchant_id = ?1 and livemode = ?2 and chain_seq > ?3"
          + " order by chain_seq limit "
          + BATCH;
  private static final String POSTINGS =
      "select entry_id, account, currency, amount from ledger_posting where entry_id in (?1)";
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

  private final PayoutItemsVerification payoutItems;

  public LedgerVerification(PayoutItemsVerification payoutItems) {
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
                .chain(chains -> verifyChains(s, chains))
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
              java.util.Set<Object> days = new java.util.HashSet<>();
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

  private Uni<Report> verifyChains(Mutiny.Session s, List<Object[]> chains) {
    List<String> problems = new ArrayList<>();
    long[] entries = {0};
    Uni<Void> all = Uni.createFrom().voidItem();
    for (Object[] c : chains) {
      String merchant = (String) c[0];
      boolean live = (Boolean) c[1];
      long headSeq = ((Number) c[2]).longValue();
      String headHash = (String) c[3];
      all =
          all.chain(
              () ->
                  walk(s, merchant, live, 0, LedgerHash.GENESIS, problems, entries)
                      .invoke(
                          last -> {
                            if (last.seq() != headSeq || !last.hash().equals(headHash)) {
                              problems.add(
                                  chain(merchant, live)
                                      + ": the head says "
                                      + headSeq
                                      + " but the entries end at "
                                      + last.seq());
                            }
                          })
                      .replaceWithVoid());
    }
    return all.map(v -> new Report(chains.size(), entries[0], problems));
  }

  private record Tip(long seq, String hash) {}

  /** Walks one chain from {@code after}, a batch at a time. */
  private Uni<Tip> walk(
      Mutiny.Session s,
      String merchant,
      boolean live,
      long after,
      String previousHash,
      List<String> problems,
      long[] count) {
    return s.createNativeQuery(ENTRIES, Object[].class)
        .setParameter(1, merchant)
        .setParameter(2, live)
        .setParameter(3, after)
        .getResultList()
        .chain(
            rows -> {
              if (rows.isEmpty()) {
                return Uni.createFrom().item(new Tip(after, previousHash));
              }
              List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
              return s.createNativeQuery(POSTINGS, Object[].class)
                  .setParameter(1, ids)
                  .getResultList()
                  .chain(
                      postingRows -> {
                        Map<Long, List<Posting>> postings = new HashMap<>();
                        for (Object[] p : postingRows) {
                          postings
                              .computeIfAbsent(((Number) p[0]).longValue(), k -> new ArrayList<>())
                              .add(
                                  new Posting(
                                      (String) p[1], (String) p[2], ((Number) p[3]).longValue()));
                        }
                        long seq = after;
                        String prev = previousHash;
                        for (Object[] r : rows) {
                          count[0]++;
                          long entryId = ((Number) r[0]).longValue();
                          long entrySeq = ((Number) r[14]).longValue();
                          String txn = (String) r[1];
                          if (entrySeq != seq + 1) {
                            problems.add(chain(merchant, live) + ": " + (seq + 1) + " is missing");
                          }
                          if (!prev.equals(r[15])) {
                            problems.add(txn + ": its previous hash is not the entry before's");
                          }
                          List<Posting> ps = postings.getOrDefault(entryId, List.of());
                          long sum = ps.stream().mapToLong(Posting::amount).sum();
                          if (ps.size() < 2 || sum != 0) {
                            problems.add(txn + ": does not balance (" + ps + ")");
                          }
                          String hash =
                              LedgerHash.of(
                                  (String) r[15],
                                  new LedgerHash.Content(
                                      txn,
                                      (String) r[2],
                                      merchant,
                                      live,
                                      (String) r[3],
                                      (String) r[4],
                                      (String) r[5],
                                      ((Number) r[6]).longValue(),
                                      ((Number) r[7]).longValue(),
                                      ((Number) r[8]).longValue(),
                                      r[9] == null ? null : ((Number) r[9]).longValue(),
                                      (String) r[10],
                                      (BigDecimal) r[11],
                                      instant(r[12]),
                                      instant(r[13]),
                                      entrySeq,
                                      ps));
                          if (!hash.equals(r[16])) {
                            problems.add(txn + ": its content does not match its hash");
                          }
                          seq = entrySeq;
                          prev = (String) r[16];
                        }
                        return walk(s, merchant, live, seq, prev, problems, count);
                      });
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
                                chain((String) r[0], (Boolean) r[1])
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

  private static String chain(String merchant, boolean live) {
    return merchant + (live ? " live" : " test");
  }

  private static Instant instant(Object value) {
    return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
  }
}
