package dev.payplatform.checkout.service.sessions;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.service.intents.IntentCancellation;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/**
 * The session sweep: open sessions past their expiry are marked expired, emit {@code
 * checkout.session.expired}, and their open intents are canceled ({@code session_expired}).
 */
@ApplicationScoped
public class SessionExpiry implements Sweep {
  public static final String SWEEP = "checkout.expired-sessions";
  private static final int SWEEP_BATCH = 100;
  // Read without a lock: each session is locked below in the platform's one order (its intent,
  // then the session) and re-checked, so a session another replica expired first is skipped.
  private static final String DUE =
      "select id, payment_intent_id from checkout_session where status = 'open'"
          + " and expires_at <= now() order by expires_at limit "
          + SWEEP_BATCH;

  private final IntentCancellation cancellation;
  private final Sweep.Schedule schedule;

  public SessionExpiry(IntentCancellation cancellation, CheckoutConfig config) {
    this.cancellation = cancellation;
    this.schedule = new Sweep.Schedule(SWEEP, config.session().sweepInterval());
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  @Override
  public Uni<Sweeps.Pass> pass() {
    return expireDue().map(n -> new Sweeps.Pass(n, n));
  }

  /** One pass; returns how many sessions it expired. */
  @WithTransaction
  public Uni<Integer> expireDue() {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(DUE, Object[].class).getResultList())
        .chain(
            rows ->
                Multi.createFrom()
                    .iterable(rows)
                    .onItem()
                    .transformToUniAndConcatenate(r -> expire((String) r[0], (String) r[1]))
                    .collect()
                    .asList()
                    .map(List::size));
  }

  /**
   * One lock order everywhere, the intent before its session: a confirmation's second transaction
   * holds the intent when it completes the session, and the other order deadlocked with it.
   */
  private Uni<CheckoutSession> expire(String sessionId, String intentId) {
    Uni<?> intentLocked =
        intentId == null
            ? Uni.createFrom().voidItem()
            : PaymentIntent.findById(intentId, LockModeType.PESSIMISTIC_WRITE);
    return intentLocked
        .chain(
            () ->
                CheckoutSession.<CheckoutSession>findById(
                    sessionId, LockModeType.PESSIMISTIC_WRITE))
        .call(cancellation::expireSession);
  }
}
