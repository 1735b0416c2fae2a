package dev.payplatform.payments.service.ledger;

import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.config.PaymentsConfig;
import dev.payplatform.payments.domain.JournalEntry;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * What a payment's money movements post, in the transaction that moves the payment: its charge when
 * it completes (and its move to available, at once where the settlement delay is zero, else by
 * {@link SettlementSweep}), each refund when it is applied.
 */
@ApplicationScoped
public class PaymentLedger {
  private static final Logger LOG = Logger.getLogger(PaymentLedger.class);
  private static final String SETTLE_LATER =
      "insert into ledger_settlement_due (payment_id, merchant_id, livemode, currency, net,"
          + " available_on) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing";

  private final Ledger ledger;
  private final PaymentsConfig.Ledger settings;
  private final JournalEntry.RefundFee refundFee;
  private final PaymentOutbox events;
  private final InstantSource clock;

  public PaymentLedger(
      Ledger ledger, PaymentsConfig config, PaymentOutbox events, InstantSource clock) {
    this.ledger = ledger;
    this.settings = config.ledger();
    this.refundFee =
        JournalEntry.RefundFee.valueOf(settings.refundFee().strip().toUpperCase(Locale.ROOT));
    this.events = events;
    this.clock = clock;
  }

  /**
   * A bad setting stops the service at start, not its first charge (an unknown refund fee already
   * failed constructing this bean).
   */
  void onStart(@Observes StartupEvent start) {
    PaymentsConfig.SettlementDelay delay = settings.settlementDelay();
    if (delay.live().isNegative() || delay.test().isNegative()) {
      throw new IllegalArgumentException("payments.ledger.settlement-delay must not be negative");
    }
  }

  private Duration settlementDelay(boolean livemode) {
    return livemode ? settings.settlementDelay().live() : settings.settlementDelay().test();
  }

  /**
   * The payment completed (its fee, net and FX are frozen on it). Without a settlement delay its
   * net is credited to available at once (one entry, and {@code balance.available}); else to
   * pending, and the settlement sweep moves it later.
   */
  public Uni<Void> charged(Payment p) {
    if (!settings.enabled()) {
      return Uni.createFrom().voidItem();
    }
    Instant now = Timestamps.now(clock);
    Instant availableOn = now.plus(settlementDelay(p.livemode));
    boolean availableNow = !availableOn.isAfter(now);
    return ledger
        .post(JournalEntry.charge(p, availableOn, availableNow))
        .chain(
            txn -> {
              if (txn == null || p.net <= 0) {
                return Uni.createFrom().voidItem();
              }
              if (availableNow) {
                return announce(p.id, p.merchantId, p.livemode, p.netCurrency, p.net, txn, now);
              }
              return Panache.getSession()
                  .chain(
                      s ->
                          s.createNativeQuery(SETTLE_LATER)
                              .setParameter(1, p.id)
                              .setParameter(2, p.merchantId)
                              .setParameter(3, p.livemode)
                              .setParameter(4, p.netCurrency)
                              .setParameter(5, p.net)
                              .setParameter(6, availableOn.atOffset(ZoneOffset.UTC))
                              .executeUpdate())
                  .replaceWithVoid();
            });
  }

  /** A refund took the payment's refunded total from {@code before} to {@code after}. */
  public Uni<Void> refunded(Payment p, String refundId, long before, long after) {
    if (!settings.enabled()) {
      return Uni.createFrom().voidItem();
    }
    JournalEntry entry = JournalEntry.refund(p, refundId, before, after, refundFee);
    if (entry == null) {
      LOG.warnf(
          "refund %s of payment %s is less than one minor unit of %s: nothing to post",
          refundId, p.id, p.netCurrency);
      return Uni.createFrom().voidItem();
    }
    return ledger.post(entry).replaceWithVoid();
  }

  /** A charge's net moves from pending to available, with {@code balance.available}. */
  Uni<Void> available(
      String paymentId,
      String merchantId,
      boolean livemode,
      String currency,
      long net,
      String chargeTxn,
      Instant availableOn) {
    return ledger
        .post(JournalEntry.available(paymentId, merchantId, livemode, currency, net))
        .chain(
            txn ->
                txn == null
                    ? Uni.createFrom().voidItem()
                    : announce(
                        paymentId, merchantId, livemode, currency, net, chargeTxn, availableOn));
  }

  private Uni<Void> announce(
      String paymentId,
      String merchantId,
      boolean livemode,
      String currency,
      long net,
      String chargeTxn,
      Instant availableOn) {
    return events.emit(
        paymentId,
        merchantId,
        livemode,
        PaymentEvents.BALANCE_AVAILABLE,
        new PaymentEvents.BalanceAvailable(
            paymentId, chargeTxn, net, currency, Timestamps.format(availableOn)));
  }
}
