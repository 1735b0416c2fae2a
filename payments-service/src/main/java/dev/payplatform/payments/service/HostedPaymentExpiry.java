package dev.payplatform.payments.service;

import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.domain.PaymentStatus;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cancels hosted payments still {@code pending} after their checkout link expired (plus a grace):
 * nobody opened the page, so no intent exists and checkout will never cancel them. A payment whose
 * buyer did start has an intent, and checkout's own link sweep cancels that ({@code
 * payment_intent.canceled}).
 */
@ApplicationScoped
public class HostedPaymentExpiry {
  static final String SWEEP = "payments.expired-checkout-links";
  private static final int BATCH = 100;

  private final PaymentLifecycle lifecycle;
  private final Sweeps sweeps;
  private final Clock clock;
  private final Duration grace;

  public HostedPaymentExpiry(
      PaymentLifecycle lifecycle,
      Sweeps sweeps,
      Clock clock,
      @ConfigProperty(name = "payments.checkout-expiry.grace") Duration grace) {
    this.lifecycle = lifecycle;
    this.sweeps = sweeps;
    this.clock = clock;
    this.grace = grace;
  }

  @Scheduled(
      every = "${payments.checkout-expiry.sweep-interval}",
      delayed = "${payments.checkout-expiry.sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return sweeps.run(SWEEP, this::expireDue);
  }

  /** One pass: locks due payments (one another replica canceled meanwhile is not returned). */
  @WithTransaction
  public Uni<Sweeps.Pass> expireDue() {
    return Payment.<Payment>find(
            "status = ?1 and checkoutExpiresAt <= ?2 order by checkoutExpiresAt",
            PaymentStatus.PENDING,
            clock.instant().minus(grace))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .page(0, BATCH)
        .list()
        .chain(due -> Sweeps.resolveEach(due, p -> lifecycle.cancelExpired(p).replaceWith(true)));
  }
}
