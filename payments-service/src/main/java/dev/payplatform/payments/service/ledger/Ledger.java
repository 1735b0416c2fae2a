package dev.payplatform.payments.service.ledger;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.JournalEntry;
import dev.payplatform.payments.domain.LedgerHash;
import dev.payplatform.payments.domain.Posting;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Posts journal entries, in the caller's transaction (the one that makes the change the entry
 * records). Each entry is posted once: its {@code idem_key} is unique, and it is checked under the
 * lock of the merchant's chain, which also orders the chain. The database refuses an entry that
 * does not balance and any change to a posted one (V1_2__ledger.sql).
 */
@ApplicationScoped
public class Ledger {
  public static final String TXN_PREFIX = "txn";
  // Two round trips per entry. First: lock the chain's head (created at genesis if new) and say
  // whether the entry was posted before, under that lock.
  private static final String CHAIN_HEAD =
      "with head as (insert into ledger_chain (merchant_id, livemode, last_seq, last_hash)"
          + " values (?1, ?2, 0, ?3) on conflict (merchant_id, livemode)"
          + " do update set last_seq = ledger_chain.last_seq returning last_seq, last_hash)"
          + " select last_seq, last_hash, exists (select 1 from ledger_entry where idem_key = ?4)"
          + " from head";
  // Then the entry, its postings and the new head in one statement (the balance check runs at
  // commit).
  private static final String INSERT_ENTRY =
      "with entry as (insert into ledger_entry (txn_id, idem_key, merchant_id, livemode, type,"
          + " source, currency, amount, fee, net, original_amount, original_currency,"
          + " exchange_rate, available_on, created_at, chain_seq, prev_hash, hash) values (?1, ?2,"
          + " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) returning id),"
          + " head as (update ledger_chain set last_seq = ?16, last_hash = ?18"
          + " where merchant_id = ?3 and livemode = ?4),"
          + " postings as (insert into ledger_posting (entry_id, account, currency, amount)"
          + " select entry.id, p.account, ?7, p.amount from entry,"
          + " unnest(cast(?19 as text[]), cast(?20 as bigint[])) as p(account, amount)),"
          // What the entry did to the merchant's available balance is a payout item (what an
          // automatic payout pays: docs/payouts.md), stamped with the merchant's payout clock. A
          // live charge's net becomes one when its move to available is posted.
          + " item as (insert into payout_item (txn_id, merchant_id, livemode, currency, net,"
          + " available_at) select case when ?5 = 'available' then (select c.txn_id from"
          + " ledger_entry c where c.idem_key = 'charge:' || ?6) else ?1 end, ?3, ?4, ?7, ?21,"
          + " cast(?15 as timestamptz) + make_interval(secs => coalesce((select"
          + " s.clock_offset_seconds from"
          + " payout_settings s where s.merchant_id = ?3 and s.livemode = ?4), 0))"
          + " where ?21 <> 0 on conflict (txn_id) do nothing)"
          + " select id from entry";

  private final InstantSource clock;

  public Ledger(InstantSource clock) {
    this.clock = clock;
  }

  /** Posts {@code entry}; answers its balance transaction id, or null when it was posted before. */
  public Uni<String> post(JournalEntry entry) {
    Instant now = Timestamps.now(clock);
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(CHAIN_HEAD, Object[].class)
                    .setParameter(1, entry.merchantId())
                    .setParameter(2, entry.livemode())
                    .setParameter(3, LedgerHash.GENESIS)
                    .setParameter(4, entry.idemKey())
                    .getSingleResult()
                    .chain(
                        head ->
                            Boolean.TRUE.equals(head[2])
                                ? Uni.createFrom().<String>nullItem()
                                : insert(
                                    s,
                                    entry,
                                    ((Number) head[0]).longValue() + 1,
                                    (String) head[1],
                                    now)));
  }

  private Uni<String> insert(
      Mutiny.Session s, JournalEntry e, long seq, String previousHash, Instant now) {
    String txnId = Ids.newId(TXN_PREFIX);
    Instant availableOn = e.availableOn() == null ? now : e.availableOn();
    String hash =
        LedgerHash.of(
            previousHash,
            new LedgerHash.Content(
                txnId,
                e.idemKey(),
                e.merchantId(),
                e.livemode(),
                e.type(),
                e.source(),
                e.currency(),
                e.amount(),
                e.fee(),
                e.net(),
                e.originalAmount(),
                e.originalCurrency(),
                e.exchangeRate(),
                availableOn,
                now,
                seq,
                e.postings()));
    return s.createNativeQuery(INSERT_ENTRY, Long.class)
        .setParameter(1, txnId)
        .setParameter(2, e.idemKey())
        .setParameter(3, e.merchantId())
        .setParameter(4, e.livemode())
        .setParameter(5, e.type())
        .setParameter(6, e.source())
        .setParameter(7, e.currency())
        .setParameter(8, e.amount())
        .setParameter(9, e.fee())
        .setParameter(10, e.net())
        .setParameter(11, e.originalAmount())
        .setParameter(12, e.originalCurrency())
        .setParameter(13, e.exchangeRate())
        .setParameter(14, availableOn.atOffset(ZoneOffset.UTC))
        .setParameter(15, now.atOffset(ZoneOffset.UTC))
        .setParameter(16, seq)
        .setParameter(17, previousHash)
        .setParameter(18, hash)
        .setParameter(19, e.postings().stream().map(Posting::account).toArray(String[]::new))
        .setParameter(20, e.postings().stream().map(Posting::amount).toArray(Long[]::new))
        .setParameter(21, e.payoutItemNet())
        .getSingleResult()
        .replaceWith(txnId);
  }
}
