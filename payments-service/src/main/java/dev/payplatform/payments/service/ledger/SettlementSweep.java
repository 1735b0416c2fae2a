package dev.payplatform.payments.service.ledger;

import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.config.PaymentsConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Moves charges' net from pending to available once their settlement delay has passed: one entry
 * and one {@code balance.available} per charge, each in its own transaction under the row's lock
 * (replicas skip rows another holds), so each moves once.
 */
@ApplicationScoped
public class SettlementSweep implements Sweep {
  static final String NAME = "ledger-settlement";
  private static final String DUE =
      "select payment_id from ledger_settlement_due where available_on <= ?1"
          + " order by available_on limit 200";
  private static final String TAKE =
      "select payment_id, merchant_id, livemode, currency, net, available_on"
          + " from ledger_settlement_due where payment_id = ?1 and available_on <= ?2"
          + " for update skip locked";
  private static final String CHARGE_TXN =
      "select txn_id from ledger_entry where idem_key = 'charge:' || ?1";
  private static final String DONE = "delete from ledger_settlement_due where payment_id = ?1";

  private final PaymentLedger ledger;
  private final Sweep.Schedule schedule;
  private final InstantSource clock;

  public SettlementSweep(PaymentLedger ledger, InstantSource clock, PaymentsConfig config) {
    this.ledger = ledger;
    this.clock = clock;
    // The first pass soon after start: charges that came due while the service was down settle.
    this.schedule =
        new Sweep.Schedule(NAME, config.ledger().settlementSweep(), Duration.ofSeconds(5));
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  @Override
  public Uni<Sweeps.Pass> pass() {
    Instant now = Timestamps.now(clock);
    return Panache.withSession(
            () ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(DUE, String.class)
                                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                                .getResultList()))
        .chain((List<String> due) -> Sweeps.resolveEach(due, id -> settle(id, now)));
  }

  private Uni<Boolean> settle(String paymentId, Instant now) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(TAKE, Object[].class)
                            .setParameter(1, paymentId)
                            .setParameter(2, now.atOffset(ZoneOffset.UTC))
                            .getResultList()
                            .chain(
                                rows -> {
                                  if (rows.isEmpty()) {
                                    return Uni.createFrom().item(false);
                                  }
                                  Object[] r = rows.get(0);
                                  return s.createNativeQuery(CHARGE_TXN, String.class)
                                      .setParameter(1, paymentId)
                                      .getSingleResult()
                                      .chain(
                                          txn ->
                                              ledger.available(
                                                  paymentId,
                                                  (String) r[1],
                                                  (Boolean) r[2],
                                                  (String) r[3],
                                                  ((Number) r[4]).longValue(),
                                                  txn,
                                                  instant(r[5])))
                                      .chain(
                                          () ->
                                              s.createNativeQuery(DONE)
                                                  .setParameter(1, paymentId)
                                                  .executeUpdate())
                                      .replaceWith(true);
                                })));
  }

  private static Instant instant(Object value) {
    return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
  }
}
