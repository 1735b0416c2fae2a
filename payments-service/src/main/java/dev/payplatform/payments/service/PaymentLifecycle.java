package dev.payplatform.payments.service;

import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.outbox.OutboxWriter;
import dev.payplatform.payments.domain.MerchantProfile;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.messaging.CheckoutCharge;
import dev.payplatform.payments.messaging.CheckoutRefund;
import dev.payplatform.payments.messaging.PaymentEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves payments as checkout-service reports charges and refunds. Runs inside the consumer's
 * transaction (with its inbox claim), holding a per-payment lock, and applies only the transitions
 * {@link PaymentStatus} allows: a duplicate or late event is logged and ignored, never applied.
 */
@ApplicationScoped
public class PaymentLifecycle {
  private static final Logger LOG = Logger.getLogger(PaymentLifecycle.class);

  /*
   * One payment's events travel under different keys (each intent's id, each refund's id), so two
   * consumers may handle the same payment at once; the lock is also what makes "create if unknown"
   * safe. Transaction-scoped, and the same key the outbox writer takes for the payment's events.
   */
  private static final String LOCK =
      "select cast(1 as integer) from (select pg_advisory_xact_lock(hashtext(cast(?1 as text))))"
          + " as locked";
  private static final String REFUND_SEEN =
      "select cast(count(*) as integer) from payment_refund where refund_id = ?1";
  private static final String RECORD_REFUND =
      "insert into payment_refund (refund_id, payment_id, amount, currency, applied_at)"
          + " values (?1, ?2, ?3, ?4, ?5)";

  static final String CANCELED_EXPIRED = "expired";
  private final OutboxWriter outbox;
  private final FxRates fx;
  private final String topic;

  public PaymentLifecycle(
      OutboxWriter outbox,
      FxRates fx,
      @ConfigProperty(name = "platform.topics.payments") String topic) {
    this.outbox = outbox;
    this.fx = fx;
    this.topic = topic;
  }

  /**
   * A {@code payment_intent.*} event: moves the payment it names to {@code target}, creating the
   * payment first when it is unknown (session, link and invoice charges), so every charge is
   * listed.
   */
  public Uni<Void> onCharge(IncomingEvent event, CheckoutCharge charge, PaymentStatus target) {
    return lock(charge.paymentId())
        .chain(() -> Payment.<Payment>findById(charge.paymentId()))
        .chain(
            existing -> {
              if (existing != null) {
                return move(existing, event, charge, target);
              }
              if (target == PaymentStatus.CANCELED) {
                LOG.infof(
                    "%s %s for unknown payment %s: nothing was charged, nothing to record",
                    event.type(), event.id(), charge.paymentId());
                return Uni.createFrom().voidItem();
              }
              return createFrom(event, charge).chain(p -> move(p, event, charge, target));
            });
  }

  /** {@code refund.succeeded}: adds the refund (once per refund id, never above the amount). */
  public Uni<Void> onRefund(IncomingEvent event, CheckoutRefund refund) {
    return lock(refund.paymentId())
        .chain(() -> Payment.<Payment>findById(refund.paymentId()))
        .chain(
            p -> {
              if (p == null) {
                LOG.warnf(
                    "refund %s (%s) names unknown payment %s; ignored",
                    refund.refundId(), event.id(), refund.paymentId());
                return Uni.createFrom().voidItem();
              }
              if (!sameTenant(p, event) || !p.currency.strip().equals(refund.currency())) {
                LOG.errorf(
                    "refund %s (%s) does not match payment %s (tenant or currency); ignored",
                    refund.refundId(), event.id(), p.id);
                return Uni.createFrom().voidItem();
              }
              return refundSeen(refund.refundId())
                  .chain(seen -> seen ? duplicateRefund(p, refund) : applyRefund(p, event, refund));
            });
  }

  private Uni<Void> duplicateRefund(Payment p, CheckoutRefund refund) {
    LOG.infof("refund %s already applied to %s; ignored", refund.refundId(), p.id);
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> applyRefund(Payment p, IncomingEvent event, CheckoutRefund refund) {
    long remaining = p.amount - p.refundedTotal;
    long applied = Math.min(refund.amount(), remaining);
    long total = p.refundedTotal + applied;
    PaymentStatus target =
        total == p.amount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    if (applied <= 0 || !p.status.canMoveTo(target)) {
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
    Instant now = now();
    p.refundedTotal = total;
    p.status = target;
    p.updatedAt = now;
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
        .chain(
            () ->
                emit(
                    p,
                    PaymentEvents.REFUNDED,
                    new PaymentEvents.Refunded(
                        PaymentEvents.PaymentData.of(p),
                        applied,
                        total,
                        total == p.amount,
                        refund.refundId())));
  }

  private Uni<Payment> createFrom(IncomingEvent event, CheckoutCharge c) {
    Instant now = now();
    Payment p = new Payment();
    p.id = c.paymentId();
    p.merchantId = event.merchantId();
    p.livemode = event.livemode();
    p.amount = c.amount();
    p.currency = c.currency();
    p.description = c.description();
    p.items = c.items() == null ? List.of() : c.items().stream().filter(Objects::nonNull).toList();
    p.returnUrl = c.returnUrl();
    p.status = PaymentStatus.PENDING;
    p.purpose = c.purpose() == null ? "payment" : c.purpose();
    p.reference = c.reference() == null ? c.paymentId() : c.reference();
    p.createdAt = now;
    p.updatedAt = now;
    recordDetails(p, c);
    LOG.infof(
        "payment %s created from %s %s (%s %s)",
        p.id, event.type(), event.id(), p.purpose, p.reference);
    return p.<Payment>persist()
        .call(
            saved ->
                emit(saved, PaymentEvents.CREATED, PaymentEvents.PaymentData.of(saved))
                    .replaceWith(saved));
  }

  private Uni<Void> move(Payment p, IncomingEvent event, CheckoutCharge c, PaymentStatus target) {
    if (!sameTenant(p, event)) {
      LOG.errorf(
          "%s %s names payment %s of another merchant or mode; ignored",
          event.type(), event.id(), p.id);
      return Uni.createFrom().voidItem();
    }
    if (c.amount() != p.amount || !p.currency.strip().equals(c.currency())) {
      LOG.errorf(
          "%s %s charges %d %s but payment %s is %d %s; ignored",
          event.type(), event.id(), c.amount(), c.currency(), p.id, p.amount, p.currency);
      return Uni.createFrom().voidItem();
    }
    if (!p.status.canMoveTo(target)) {
      if (p.status == target) {
        LOG.infof(
            "payment %s is already %s; %s %s ignored",
            p.id, target.publicWord(), event.type(), event.id());
      } else {
        LOG.warnf(
            "illegal transition %s -> %s of payment %s by %s %s; ignored",
            p.status.publicWord(), target.publicWord(), p.id, event.type(), event.id());
      }
      return Uni.createFrom().voidItem();
    }
    PaymentStatus from = p.status;
    recordDetails(p, c);
    p.status = target;
    p.updatedAt = now();
    LOG.infof(
        "payment %s %s -> %s by %s %s",
        p.id, from.publicWord(), target.publicWord(), event.type(), event.id());
    return switch (target) {
      case COMPLETED -> complete(p, c);
      case FAILED -> {
        p.declineReason = c.declineReason();
        p.failureMessage = c.failureMessage();
        yield emit(
            p,
            PaymentEvents.FAILED,
            new PaymentEvents.Failed(
                PaymentEvents.PaymentData.of(p), p.declineReason, p.failureMessage));
      }
      case CANCELED ->
          emit(
              p,
              PaymentEvents.CANCELED,
              new PaymentEvents.Canceled(PaymentEvents.PaymentData.of(p), c.cancellationReason()));
      default -> Uni.createFrom().voidItem();
    };
  }

  /**
   * A hosted payment nobody started to pay before its checkout link expired (no intent, so checkout
   * will never cancel it): {@code canceled}, {@code payment.canceled} ({@code expired}). Runs on a
   * payment locked by the expiry sweep.
   */
  public Uni<Void> cancelExpired(Payment p) {
    PaymentStatus from = p.status;
    if (!from.canMoveTo(PaymentStatus.CANCELED)) {
      return Uni.createFrom().voidItem();
    }
    p.status = PaymentStatus.CANCELED;
    p.updatedAt = now();
    LOG.infof("payment %s %s -> canceled: its checkout link expired", p.id, from.publicWord());
    return emit(
        p,
        PaymentEvents.CANCELED,
        new PaymentEvents.Canceled(PaymentEvents.PaymentData.of(p), CANCELED_EXPIRED));
  }

  /** Freezes the fee plan and the current FX rates on the payment, then announces it. */
  private Uni<Void> complete(Payment p, CheckoutCharge c) {
    p.completedAt = p.updatedAt;
    p.declineReason = null;
    p.failureMessage = null;
    String currency = p.currency.strip();
    return MerchantProfile.<MerchantProfile>findById(p.merchantId)
        .map(m -> m == null ? FeePlan.defaultFor(currency) : FeePlan.of(m))
        .chain(
            plan ->
                fx.currentFor(currency, plan.settlementCurrency(), plan.localCurrency())
                    .map(
                        rates -> {
                          FeeCalculator.Settlement s =
                              FeeCalculator.settle(p.amount, currency, plan, rates);
                          p.feePlan = s.feePlan();
                          p.feeBasisPoints = s.basisPoints();
                          p.feeFixed = s.fixedMinor();
                          p.settlementCurrency = s.settlementCurrency();
                          p.localCurrency = s.localCurrency();
                          p.statementDescriptor = plan.statementDescriptor();
                          p.settledAmount = s.settledAmount();
                          p.fee = s.fee();
                          p.net = s.net();
                          p.netCurrency = s.netCurrency();
                          p.fxPaymentUnitsPerUsd = s.fxPaymentUnitsPerUsd();
                          p.fxSettlementUnitsPerUsd = s.fxSettlementUnitsPerUsd();
                          p.fxLocalUnitsPerUsd = s.fxLocalUnitsPerUsd();
                          return s;
                        }))
        .chain(
            s ->
                emit(
                    p,
                    PaymentEvents.SUCCEEDED,
                    new PaymentEvents.Succeeded(
                        PaymentEvents.PaymentData.of(p),
                        s.fee(),
                        s.net(),
                        s.netCurrency(),
                        c.paymentIntentId())));
  }

  /** What checkout knows of the charge that the payment does not yet: card, buyer, ids. */
  private static void recordDetails(Payment p, CheckoutCharge c) {
    if (c.paymentIntentId() != null) {
      p.paymentIntentId = c.paymentIntentId();
    }
    if (c.card() != null) {
      p.cardBrand = c.card().brand();
      p.cardLast4 = c.card().last4();
      p.cardExpMonth = c.card().expMonth();
      p.cardExpYear = c.card().expYear();
      p.cardCountry = c.card().country();
    }
    if (c.customerEmail() != null) {
      p.customerEmail = c.customerEmail();
    }
    p.customerId = firstNonNull(p.customerId, c.customerId());
    p.sessionId = firstNonNull(p.sessionId, c.sessionId());
    p.invoiceId = firstNonNull(p.invoiceId, c.invoiceId());
    p.paymentLinkId = firstNonNull(p.paymentLinkId, c.paymentLinkId());
    p.subscriptionId = firstNonNull(p.subscriptionId, c.subscriptionId());
  }

  private Uni<Void> emit(Payment p, String type, Object data) {
    return outbox
        .append(new OutgoingEvent(topic, type, p.id, p.merchantId, p.livemode, data))
        .replaceWithVoid();
  }

  private static boolean sameTenant(Payment p, IncomingEvent event) {
    return p.merchantId.equals(event.merchantId())
        && Boolean.valueOf(p.livemode).equals(event.livemode());
  }

  private static Uni<Void> lock(String paymentId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(LOCK, Integer.class)
                    .setParameter(1, paymentId)
                    .getSingleResult())
        .replaceWithVoid();
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

  private static String firstNonNull(String current, String candidate) {
    return current != null ? current : candidate;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
