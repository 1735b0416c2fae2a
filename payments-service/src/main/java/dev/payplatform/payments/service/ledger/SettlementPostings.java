package dev.payplatform.payments.service.ledger;

import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.JournalEntry;
import dev.payplatform.payments.domain.Posting;
import dev.payplatform.payments.messaging.ReconciliationItemEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Posts what reconciliation found (docs/ledger.md, settlement): settled money moves out of clearing
 * (or out of suspense, when an earlier run put it there) into the acquirer's settlement account,
 * and every difference into suspense, never absorbed. One item posts once: its entries' keys are
 * {@code settlement:<item>}, and {@code settlement_item} records it for the daily clearing check.
 */
@ApplicationScoped
public class SettlementPostings {
  private static final Logger LOG = Logger.getLogger(SettlementPostings.class);

  /** The chain of entries that belong to no merchant: a line the platform has no record of. */
  public static final String PLATFORM_CHAIN = "platform";

  private static final String CLEARING_OF =
      "select p.currency, sum(p.amount) from ledger_entry e join ledger_posting p"
          + " on p.entry_id = e.id where e.idem_key = ?1 and p.account like 'processor:%:clearing'"
          + " group by p.currency";
  private static final String RECORD =
      "insert into settlement_item (item_id, kind, merchant_id, source, platform_day,"
          + " business_day, applied_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
          + " on conflict (item_id) do nothing";

  private final Ledger ledger;
  private final InstantSource clock;

  public SettlementPostings(Ledger ledger, InstantSource clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  /** In the consumer's transaction; a live item only. */
  public Uni<Void> apply(IncomingEvent event, ReconciliationItemEvent item) {
    if (Boolean.FALSE.equals(event.livemode())) {
      LOG.warnf("reconciliation item %s is not live; ignored", item.id());
      return Uni.createFrom().voidItem();
    }
    String owner = event.merchantId() == null ? PLATFORM_CHAIN : event.merchantId();
    return Panache.getSession()
        .chain(
            s ->
                record(s, item, owner)
                    .chain(
                        fresh -> {
                          if (fresh == 0) {
                            LOG.infof("reconciliation item %s was posted before", item.id());
                            return Uni.createFrom().voidItem();
                          }
                          return post(s, item, owner);
                        }));
  }

  private Uni<Integer> record(Mutiny.Session s, ReconciliationItemEvent item, String owner) {
    boolean settles = item.settlesRecord();
    return s.createNativeQuery(RECORD)
        .setParameter(1, item.id())
        .setParameter(2, item.kind())
        .setParameter(3, owner)
        .setParameter(4, settles ? item.recordSource() : null)
        .setParameter(5, settles ? LocalDate.parse(item.platformDay()) : null)
        .setParameter(6, LocalDate.parse(item.businessDay()))
        .setParameter(7, Timestamps.now(clock).atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  private Uni<Void> post(Mutiny.Session s, ReconciliationItemEvent item, String owner) {
    switch (item.kind()) {
      case "reversed":
        return Uni.createFrom().voidItem();
      case "missing_on_platform":
      case "duplicated":
        {
          // The acquirer settled (or gave back) money the platform has no record for.
          String cur = item.acquirerCurrency();
          long a = item.acquirerSigned();
          String source =
              item.recordKind() == null || item.recordSource() == null
                  ? item.id()
                  : item.recordSource();
          return postAll(
              List.of(
                  JournalEntry.settlement(
                      key(item),
                      owner,
                      source,
                      cur,
                      postings(
                          cur,
                          Posting.settlement(true, cur),
                          a,
                          Posting.suspense(true, cur),
                          -a))));
        }
      default:
        return clearingOf(s, item).chain(cleared -> postAll(settling(item, owner, cleared)));
    }
  }

  /** What the platform's record holds in clearing: its currency and signed amount. */
  private record Cleared(String currency, long amount) {}

  private Uni<Cleared> clearingOf(Mutiny.Session s, ReconciliationItemEvent item) {
    return s.createNativeQuery(CLEARING_OF, Object[].class)
        .setParameter(1, item.recordEntryKey())
        .getResultList()
        .map(
            rows -> {
              if (rows.isEmpty()) {
                if ("refund".equals(item.recordKind())) {
                  // A refund whose share rounded to nothing posted no entry.
                  return new Cleared(item.platformCurrency(), 0);
                }
                // The payment's charge is not in the ledger yet: retried, then dead-lettered for
                // an operator to replay once it is.
                throw new IllegalStateException(
                    "reconciliation item "
                        + item.id()
                        + ": "
                        + item.recordEntryKey()
                        + " is not posted yet");
              }
              Object[] r = rows.get(0);
              return new Cleared((String) r[0], ((Number) r[1]).longValue());
            });
  }

  private List<JournalEntry> settling(ReconciliationItemEvent item, String owner, Cleared cleared) {
    String cur = cleared.currency();
    long c = cleared.amount();
    boolean fromSuspense = Boolean.TRUE.equals(item.fromSuspense());
    String from = fromSuspense ? Posting.suspense(true, cur) : Posting.clearing(true, cur);
    String settlement = Posting.settlement(true, cur);
    String suspense = Posting.suspense(true, cur);
    String source = item.recordSource();
    List<JournalEntry> entries = new ArrayList<>();
    switch (item.kind()) {
      case "missing_at_acquirer":
        entries.add(
            JournalEntry.settlement(
                key(item), owner, source, cur, postings(cur, from, -c, suspense, c)));
        break;
      case "amount_mismatch":
        {
          // The acquirer's amount in the ledger's currency, at the payment's own rate.
          long s = item.platformSigned();
          long a = s == 0 ? 0 : JournalEntry.share(c, s, item.acquirerSigned());
          entries.add(
              JournalEntry.settlement(
                  key(item),
                  owner,
                  source,
                  cur,
                  postings(cur, from, -c, settlement, a, suspense, c - a)));
          break;
        }
      case "currency_mismatch":
        {
          String acur = item.acquirerCurrency();
          long a = item.acquirerSigned();
          if (!fromSuspense) {
            entries.add(
                JournalEntry.settlement(
                    key(item), owner, source, cur, postings(cur, from, -c, suspense, c)));
          }
          entries.add(
              JournalEntry.settlement(
                  key(item) + ":" + acur,
                  owner,
                  source,
                  acur,
                  postings(
                      acur, Posting.settlement(true, acur), a, Posting.suspense(true, acur), -a)));
          break;
        }
      default:
        // matched, authorization_mismatch, late: the record's money, settled.
        entries.add(
            JournalEntry.settlement(
                key(item), owner, source, cur, postings(cur, from, -c, settlement, c)));
    }
    return entries;
  }

  private Uni<Void> postAll(List<JournalEntry> entries) {
    Uni<Void> all = Uni.createFrom().voidItem();
    for (JournalEntry e : entries) {
      if (e != null) {
        all = all.chain(() -> ledger.post(e)).replaceWithVoid();
      }
    }
    return all;
  }

  private static String key(ReconciliationItemEvent item) {
    return "settlement:" + item.id();
  }

  /** Account and amount pairs; zero amounts are left out. */
  private static List<Posting> postings(String currency, Object... pairs) {
    List<Posting> ps = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      long amount = (Long) pairs[i + 1];
      if (amount != 0) {
        ps.add(new Posting((String) pairs[i], currency, amount));
      }
    }
    return ps;
  }
}
