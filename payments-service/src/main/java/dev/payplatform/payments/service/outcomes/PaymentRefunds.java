package dev.payplatform.payments.service.outcomes;

import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.state.Transitions.Move;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.messaging.CheckoutRefund;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import dev.payplatform.payments.service.ledger.PaymentLedger;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Applies the refunds checkout-service reports ({@code refund.succeeded}) to payments: each refund
 * id counts once, and never above what is left of the amount. Runs inside the consumer's
 * transaction, holding the payment's lock; a duplicate or late refund is logged and ignored.
 */
@ApplicationScoped
public class PaymentRefunds {
  private static final Logger LOG = Logger.getLogger(PaymentRefunds.class);

  private static final String REFUND_SEEN =
      "select cast(count(*) as integer) from payment_refund where refund_id = ?1";
  private static final String RECORD_REFUND =
      "insert into payment_refund (refund_id, payment_id, amount, currency, applied_at)"
          + " values (?1, ?2, ?3, ?4, ?5)";

  private final PaymentOutbox events;
  private final PaymentLedger ledger;
  private final InstantSource clock;

  public PaymentRefunds(PaymentOutbox events, PaymentLedger ledger, InstantSource clock) {
    this.events = events;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** {@code refund.succeeded}: adds the refund (once per refund id, never above the amount). */
  public Uni<Void> apply(IncomingEvent event, CheckoutRefund refund) {
    return PaymentLock.take(refund.paymentId())
        .chain(() -> Payment.<Payment>findById(refund.paymentId()))
        .chain(
            p -> {
              if (p == null) {
                LOG.warnf(
                    "refund %s (%s) names unknown payment %s; ignored",
                    refund.refundId(), event.id(), refund.paymentId());
                return Uni.createFrom().voidItem();
              }
              if (!p.belongsTo(event.merchantId(), event.livemode())
                  || !p.currency.strip().equals(refund.currency())) {
                LOG.errorf(
                    "refund %s (%s) does not match payment %s (tenant or currency); ignored",
                    refund.refundId(), event.id(), p.id);
                return Uni.createFrom().voidItem();
              }
              return refundSeen(refund.refundId())
                  .chain(seen -> seen ? duplicate(p, refund) : applyNew(p, event, refund));
            });
  }

  private Uni<Void> duplicate(Payment p, CheckoutRefund refund) {
    LOG.infof("refund %s already applied to %s; ignored", refund.refundId(), p.id);
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> applyNew(Payment p, IncomingEvent event, CheckoutRefund refund) {
    long remaining = p.amount - p.refundedTotal;
    long applied = Math.min(refund.amount(), remaining);
    long total = p.refundedTotal + applied;
    PaymentStatus target =
        total == p.amount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    Instant now = Timestamps.now(clock);
    // Nothing left to refund, or a status a refund cannot move (UNCHANGED included: a refunded
    // payment stays refunded).
    if (applied <= 0 || p.moveTo(target, now) != Move.MOVED) {
      LOG.warnf(
          "illegal transition %s -> %s of payment %s by refund %s (%s); ignored",
          p.status.publicWord(), target.publicWord(), p.id, refund.refundId(), event.id());
      return Uni.createFrom().voidItem();
    }
    if (applied < refund.amount()) {
      LOG.warnf(
          "refund %s of %d exceeds what is left of payment %s (%d); counted as %d",
          refund.refundId(), refund.amount(), p.id, remaining, applied);
    }
    long before = p.refundedTotal;
    p.refundedTotal = total;
    LOG.infof(
        "payment %s %s by refund %s (%d of %d refunded)",
        p.id, target.publicWord(), refund.refundId(), total, p.amount);
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(RECORD_REFUND)
                    .setParameter(1, refund.refundId())
                    .setParameter(2, p.id)
                    .setParameter(3, applied)
                    .setParameter(4, refund.currency())
                    .setParameter(5, now)
                    .executeUpdate())
        .call(() -> ledger.refunded(p, refund.refundId(), before, total))
        .chain(
            () ->
                events.emit(
                    p,
                    PaymentEvents.REFUNDED,
                    new PaymentEvents.Refunded(
                        PaymentEvents.PaymentData.of(p),
                        applied,
                        total,
                        total == p.amount,
                        refund.refundId())));
  }

  private static Uni<Boolean> refundSeen(String refundId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(REFUND_SEEN, Integer.class)
                    .setParameter(1, refundId)
                    .getSingleResult())
        .map(n -> n > 0);
  }
}
