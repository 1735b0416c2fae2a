package dev.payplatform.payments.service.ledger;

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
 * Walks each ledger chain from genesis, a batch of entries at a time: the order, each link to the
 * entry before, each entry's balance and hash, and that the chain ends where its head says. Part of
 * {@link LedgerVerification}, in its snapshot; apart because it is the one part that reads every
 * entry.
 */
@ApplicationScoped
class ChainVerification {
  private static final int BATCH = 1000;
  private static final String ENTRIES =
      "select id, txn_id, idem_key, type, source, currency, amount, fee, net, original_amount,"
          + " original_currency, exchange_rate, available_on, created_at, chain_seq, prev_hash,"
          + " hash from ledger_entry where merchant_id = ?1 and livemode = ?2 and chain_seq > ?3"
          + " order by chain_seq limit "
          + BATCH;
  private static final String POSTINGS =
      "select entry_id, account, currency, amount from ledger_posting where entry_id in (?1)";

  /** Every chain of {@code chains} (merchant, livemode, last_seq, last_hash rows) walked. */
  Uni<Walked> verify(Mutiny.Session s, List<Object[]> chains) {
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
                                  name(merchant, live)
                                      + ": the head says "
                                      + headSeq
                                      + " but the entries end at "
                                      + last.seq());
                            }
                          })
                      .replaceWithVoid());
    }
    return all.map(v -> new Walked(chains.size(), entries[0], problems));
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
                            problems.add(name(merchant, live) + ": " + (seq + 1) + " is missing");
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

  /** What the walk found: chains, entries walked, and each difference. */
  record Walked(long chains, long entries, List<String> problems) {}

  /** A chain as the problems name it: {@code <merchant> live|test}. */
  static String name(String merchant, boolean live) {
    return merchant + (live ? " live" : " test");
  }

  private static Instant instant(Object value) {
    return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
  }
}
