package dev.payplatform.payments.service.outcomes;

import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.InapplicableEventException;
import dev.payplatform.commons.state.Transitions.Move;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.messaging.CheckoutCharge;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
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
 * only the moves {@link PaymentStatus#TRANSITIONS} allows. Every other case is handled on purpose
 * (docs/payments.md, "Outcomes that arrive late"): a duplicate or an outcome behind the payment's
 * state changes nothing; a success after a cancel is recorded as a late success; what cannot be
 * applied (another merchant's payment, another amount, a second charge) is dead-lettered with its
 * reason.
 */
@ApplicationScoped
public class ChargeOutcomes {
  private static final Logger LOG = Logger.getLogger(ChargeOutcomes.class);
  static final String LATE_SUCCESS_REFUND = "refund";
  static final String LATE_SUCCESS_KEEP = "keep";

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
      throw new InapplicableEventException(
          event.type()
              + " "
              + event.id()
              + " names payment "
              + p.id
              + " of another merchant or mode");
    }
    if (c.amount() != p.amount || !p.currency.strip().equals(c.currency())) {
      throw new InapplicableEventException(
          String.format(
              "%s %s charges %d %s but payment %s is %d %s",
              event.type(), event.id(), c.amount(), c.currency(), p.id, p.amount, p.currency));
    }
    PaymentStatus from = p.status;
    if (target == PaymentStatus.COMPLETED && secondCharge(p, c)) {
      // Two intents of one payment both charged: the books cannot show one payment twice, and
      // the buyer paid twice. An operator decides (refund the second charge in the console).
      throw new InapplicableEventException(
          String.format(
              "%s %s: intent %s charged payment %s, which intent %s already charged (%s)",
              event.type(),
              event.id(),
              c.paymentIntentId(),
              p.id,
              p.paymentIntentId,
              from.publicWord()));
    }
    Move move = p.moveTo(target, Timestamps.now(clock));
    if (move == Move.UNCHANGED) {
      LOG.infof(
          "payment %s is already %s; %s %s ignored",
          p.id, target.publicWord(), event.type(), event.id());
      return Uni.createFrom().voidItem();
    }
    if (move == Move.ILLEGAL) {
      // Only outcomes that are behind the payment reach here: the success it already recorded
      // (now refunded), or an earlier attempt's failure, challenge or cancel arriving after the
      // payment settled. Neither changes money; the later state stands (docs/payments.md).
      LOG.infof(
          "%s %s is behind payment %s, which is %s; its later state stands",
          event.type(), event.id(), p.id, from.publicWord());
      return Uni.createFrom().voidItem();
    }
    if (from == PaymentStatus.CANCELED && target == PaymentStatus.COMPLETED) {
      return lateSuccess(p, event, c);
    }
    recordDetails(p, c);
    LOG.infof(
        "payment %s %s -> %s by %s %s",
        p.id, from.publicWord(), target.publicWord(), event.type(), event.id());
    return switch (target) {
      case COMPLETED -> completion.complete(p, c.paymentIntentId(), false);
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

  /**
   * A success after the payment was canceled (at its link's expiry, say) while the charge was on
   * its way: the card was charged, so the payment records it, posts it to the ledger and announces
   * it, with what the merchant's setting does with it. {@code refund} (the default) makes billing
   * refund it automatically; {@code keep} keeps it.
   */
  private Uni<Void> lateSuccess(Payment p, IncomingEvent event, CheckoutCharge c) {
    recordDetails(p, c);
    return completion
        .complete(p, c.paymentIntentId(), true)
        .invoke(
            () ->
                LOG.warnf(
                    "payment %s canceled -> completed by %s %s: a late success, %s",
                    p.id,
                    event.type(),
                    event.id(),
                    LATE_SUCCESS_KEEP.equals(p.lateSuccess)
                        ? "kept (the merchant's setting)"
                        : "to be refunded automatically"));
  }

  /** Another intent's success for a payment that a charge already settled. */
  private static boolean secondCharge(Payment p, CheckoutCharge c) {
    boolean settled =
        p.status == PaymentStatus.COMPLETED
            || p.status == PaymentStatus.PARTIALLY_REFUNDED
            || p.status == PaymentStatus.REFUNDED;
    return settled
        && p.paymentIntentId != null
        && c.paymentIntentId() != null
        && !p.paymentIntentId.equals(c.paymentIntentId());
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
    if (c.network() != null) {
      p.networkAuthorizationCode = c.network().authorizationCode();
      p.networkRrn = c.network().retrievalReferenceNumber();
      p.networkResponseCode = c.network().responseCode();
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
