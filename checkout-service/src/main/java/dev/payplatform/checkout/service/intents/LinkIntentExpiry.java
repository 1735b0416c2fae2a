package dev.payplatform.checkout.service.intents;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.service.confirmation.ProcessingReconciliation;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.InstantSource;
import java.util.List;

/**
 * Cancels the open intents of checkout links (hosted payments, link visits, invoices) whose token
 * expired: {@code payment_intent.canceled} with reason {@code expired}. Confirmations are refused
 * past the expiry already; this gives the intent, and the payment behind it, a final state. An
 * intent in processing is left to {@link ProcessingReconciliation}, which cancels it after a
 * release.
 */
@ApplicationScoped
public class LinkIntentExpiry implements Sweep {
  public static final String SWEEP = "checkout.expired-links";
  private static final int BATCH = 100;

  private final IntentCancellation cancellation;
  private final InstantSource clock;
  private final Sweep.Schedule schedule;

  public LinkIntentExpiry(
      IntentCancellation cancellation, InstantSource clock, CheckoutConfig config) {
    this.cancellation = cancellation;
    this.clock = clock;
    // Intents of checkout links expire on the sessions' schedule.
    this.schedule = new Sweep.Schedule(SWEEP, config.session().sweepInterval());
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  /** One pass: locks due intents (a row another replica canceled meanwhile is not returned). */
  @Override
  @WithTransaction
  public Uni<Sweeps.Pass> pass() {
    return PaymentIntent.<PaymentIntent>find(
            "expiresAt <= ?1 and status in ?2 order by expiresAt",
            clock.instant(),
            List.of(IntentStatus.REQUIRES_PAYMENT_METHOD, IntentStatus.REQUIRES_ACTION))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .page(0, BATCH)
        .list()
        .chain(
            due ->
                Sweeps.resolveEach(
                    due,
                    pi ->
                        cancellation.cancel(pi, PaymentIntent.CANCELED_EXPIRED).replaceWith(true)));
  }
}
