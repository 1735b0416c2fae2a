package dev.payplatform.payments.service.payouts;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.payments.domain.Payout;
import dev.payplatform.payments.domain.PayoutSchedule;
import dev.payplatform.payments.domain.PayoutSettings;
import dev.payplatform.payments.service.ledger.LedgerQueries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The automatic payouts of one merchant and mode whose runs are due on its payout clock, in the
 * caller's transaction with its settings row locked (docs/payouts.md). Each run claims the items
 * that became available before its cutoff, per currency, and pays their sum; a currency whose sum
 * is not positive, or exceeds the available balance, keeps its items for a later run. A run while
 * there is no bank account, or while a changed one holds payouts, pays nothing and its items wait.
 */
@ApplicationScoped
public class PayoutRuns {
  private static final Logger LOG = Logger.getLogger(PayoutRuns.class);
  // A test clock moved a year at once runs at most a year of daily runs.
  private static final int MAX_RUNS = 400;
  private static final String CLAIM =
      "update payout_item set payout_id = ?1 || currency where merchant_id = ?2 and livemode = ?3"
          + " and payout_id is null and available_at < ?4 returning currency, net";
  private static final String ASSIGN = "update payout_item set payout_id = ?1 where payout_id = ?2";
  private static final String RELEASE =
      "update payout_item set payout_id = null where payout_id = ?1";

  private final PayoutMaker maker;
  private final LedgerQueries ledger;

  public PayoutRuns(PayoutMaker maker, LedgerQueries ledger) {
    this.maker = maker;
    this.ledger = ledger;
  }

  /** Runs every run due at {@code s}'s clock; answers the payouts made. */
  public Uni<List<Payout>> runDue(PayoutSettings s, Instant realNow) {
    List<Payout> made = new ArrayList<>();
    return next(s, realNow, made, 0).replaceWith(made);
  }

  private Uni<Void> next(PayoutSettings s, Instant realNow, List<Payout> made, int runs) {
    Instant clockNow = s.clock(realNow);
    if (s.nextRunAt == null || s.nextRunAt.isAfter(clockNow) || runs >= MAX_RUNS) {
      return Uni.createFrom().voidItem();
    }
    Instant runAt = s.nextRunAt;
    PayoutSchedule schedule = s.schedule();
    Uni<Void> run =
        !s.hasBankAccount() || s.held(runAt)
            ? Uni.createFrom().voidItem()
            : run(s, schedule.cutoff(runAt), realNow, runAt, made);
    return run.chain(
        () -> {
          s.nextRunAt = schedule.nextRun(runAt);
          s.updatedAt = realNow;
          return next(s, realNow, made, runs + 1);
        });
  }

  private Uni<Void> run(
      PayoutSettings s, Instant cutoff, Instant realNow, Instant runAt, List<Payout> made) {
    String claim = PayoutMaker.newId();
    Tenant tenant = new Tenant(s.merchantId, s.livemode);
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(CLAIM, Object[].class)
                    .setParameter(1, claim + ":")
                    .setParameter(2, s.merchantId)
                    .setParameter(3, s.livemode)
                    .setParameter(4, cutoff.atOffset(ZoneOffset.UTC))
                    .getResultList())
        .chain(
            rows -> {
              if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              Map<String, Long> sums = new TreeMap<>();
              for (Object[] r : rows) {
                sums.merge((String) r[0], ((Number) r[1]).longValue(), Long::sum);
              }
              return ledger
                  .balance(tenant)
                  .chain(balance -> payEach(s, claim, sums, balance, realNow, runAt, made));
            });
  }

  private Uni<Void> payEach(
      PayoutSettings s,
      String claim,
      Map<String, Long> sums,
      LedgerQueries.Balance balance,
      Instant realNow,
      Instant runAt,
      List<Payout> made) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Map.Entry<String, Long> sum : sums.entrySet()) {
      String currency = sum.getKey();
      long amount = sum.getValue();
      long available = balance.available().getOrDefault(currency, 0L);
      String claimed = claim + ":" + currency;
      if (amount <= 0 || amount > available) {
        if (amount > available) {
          LOG.warnf(
              "payout of %s %s for %s waits: its items exceed the available balance %s",
              amount, currency, s.merchantId, available);
        }
        chain = chain.chain(() -> update(RELEASE, claimed, null));
        continue;
      }
      String id = PayoutMaker.newId();
      chain =
          chain
              .chain(() -> update(ASSIGN, id, claimed))
              .chain(() -> maker.make(id, s, amount, currency, true, null, realNow, runAt))
              .invoke(made::add)
              .replaceWithVoid();
    }
    return chain;
  }

  private static Uni<Void> update(String sql, String first, String second) {
    return Panache.getSession()
        .chain(
            session -> {
              var q = session.createNativeQuery(sql).setParameter(1, first);
              if (second != null) {
                q.setParameter(2, second);
              }
              return q.executeUpdate();
            })
        .replaceWithVoid();
  }
}
