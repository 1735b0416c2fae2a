package dev.payplatform.payments.service;

import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.state.Transitions.Move;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.messaging.CheckoutCharge;
import dev.payplatform.payments.messaging.PaymentEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Applies the charge outcomes checkout-service reports ({@code payment_intent.*}) to payments. Runs
 * inside the consumer's transaction (with its inbox claim), holding the payment's lock, and applies
 * only the moves {@link PaymentStatus#TRANSITIONS} allows: a duplicate or late event is logged and
 * ignored, never applied.
 */
@ApplicationScoped
public class ChargeOutcomes {
  private static final Logger LOG = Logger.getLogger(ChargeOutcomes.class);

  private final PaymentOutbox events;
  private final PaymentCompletion completion;
  private final InstantSource clock;

  public ChargeOutcomes(PaymentOutbox events, PaymentCompletion completion, InstantSource clock) {
    this.events = events;
    this.completion = completion;
    this.clock = clock;
  }

  /**
   * A {@code payment_intent.*} event: moves the payment it names to {@code target}, creating the
   * payment first when it is unknown (session, link and invoice charges), so every charge is
   * listed.
   */
  public Uni<Void> apply(IncomingEvent event, CheckoutCharge charge, PaymentStatus target) {
    return PaymentLock.take(charge.paymentId())
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

  private Uni<Payment> createFrom(IncomingEvent event, CheckoutCharge c) {
    Instant now = Timestamps.now(clock);
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
                events
                    .emit(saved, PaymentEvents.CREATED, PaymentEvents.PaymentData.of(saved))
                    .replaceWith(saved));
  }

  private Uni<Void> move(Payment p, IncomingEvent event, CheckoutCharge c, PaymentStatus target) {
    if (!p.belongsTo(event.merchantId(), event.livemode())) {
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
    PaymentStatus from = p.status;
    Move move = p.moveTo(target, Timestamps.now(clock));
    if (move == Move.UNCHANGED) {
      LOG.infof(
          "payment %s is already %s; %s %s ignored",
          p.id, target.publicWord(), event.type(), event.id());
      return Uni.createFrom().voidItem();
    }
    if (move == Move.ILLEGAL) {
      LOG.warnf(
          "illegal transition %s -> %s of payment %s by %s %s; ignored",
          from.publicWord(), target.publicWord(), p.id, event.type(), event.id());
      return Uni.createFrom().voidItem();
    }
    recordDetails(p, c);
    LOG.infof(
        "payment %s %s -> %s by %s %s",
        p.id, from.publicWord(), target.publicWord(), event.type(), event.id());
    return switch (target) {
      case COMPLETED -> completion.complete(p, c.paymentIntentId());
      case FAILED -> {
        p.declineReason = c.declineReason();
        p.failureMessage = c.failureMessage();
        yield events.emit(
            p,
            PaymentEvents.FAILED,
            new PaymentEvents.Failed(
                PaymentEvents.PaymentData.of(p), p.declineReason, p.failureMessage));
      }
      case CANCELED ->
          events.emit(
              p,
              PaymentEvents.CANCELED,
              new PaymentEvents.Canceled(PaymentEvents.PaymentData.of(p), c.cancellationReason()));
      default -> Uni.createFrom().voidItem();
    };
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

  private static String firstNonNull(String current, String candidate) {
    return current != null ? current : candidate;
  }
}
