package dev.payplatform.payments.service;

import dev.payplatform.commons.state.Transitions.Move;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.config.PaymentsConfig;
import dev.payplatform.payments.domain.HostedPaymentCutoff;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Cancels hosted payments still {@code pending} after their checkout link expired (plus a grace):
 * nobody opened the page, so no intent exists and checkout will never cancel them. A payment whose
 * buyer did start has an intent, and checkout's own link sweep cancels that ({@code
 * payment_intent.canceled}).
 */
@ApplicationScoped
public class HostedPaymentExpiry implements Sweep {
  private static final Logger LOG = Logger.getLogger(HostedPaymentExpiry.class);
  static final String SWEEP = "payments.expired-checkout-links";
  static final String CANCELED_EXPIRED = "expired";
  private static final int BATCH = 100;

  private final PaymentOutbox events;
  private final InstantSource clock;
  private final HostedPaymentCutoff expiry;
  private final Sweep.Schedule schedule;

  public HostedPaymentExpiry(PaymentOutbox events, InstantSource clock, PaymentsConfig config) {
    this.events = events;
    this.clock = clock;
    this.expiry = new HostedPaymentCutoff(config.checkoutExpiry().grace());
    this.schedule = new Sweep.Schedule(SWEEP, config.checkoutExpiry().sweepInterval());
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  /** One pass: locks due payments (one another replica canceled meanwhile is not returned). */
  @Override
  @WithTransaction
  public Uni<Sweeps.Pass> pass() {
    return Payment.<Payment>find(
            "status = ?1 and checkoutExpiresAt <= ?2 order by checkoutExpiresAt",
            PaymentStatus.PENDING,
            expiry.dueAtOrBefore(clock.instant()))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .page(0, BATCH)
        .list()
        .chain(due -> Sweeps.resolveEach(due, p -> cancel(p).replaceWith(true)));
  }

  /**
   * A hosted payment nobody started to pay before its checkout link expired (no intent, so checkout
   * will never cancel it): {@code canceled}, {@code payment.canceled} ({@code expired}). Runs on a
   * payment locked by the sweep.
   */
  private Uni<Void> cancel(Payment p) {
    PaymentStatus from = p.status;
    if (p.moveTo(PaymentStatus.CANCELED, Timestamps.now(clock)) != Move.MOVED) {
      return Uni.createFrom().voidItem();
    }
    LOG.infof("payment %s %s -> canceled: its checkout link expired", p.id, from.publicWord());
    return events.emit(
        p,
        PaymentEvents.CANCELED,
        new PaymentEvents.Canceled(PaymentEvents.PaymentData.of(p), CANCELED_EXPIRED));
  }
}
