package dev.payplatform.checkout.service.sessions;

import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.SessionStatus;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.InstantSource;

/**
 * A session is complete once its intent succeeded: {@code checkout.session.completed}. Runs inside
 * the transaction that applied the success, which holds the intent: the session is locked second,
 * in the platform's one lock order.
 */
@ApplicationScoped
public class SessionCompletion {
  private final CheckoutEvents events;
  private final InstantSource clock;

  public SessionCompletion(CheckoutEvents events, InstantSource clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Completes the session of an intent that just succeeded; a complete session stays as it is. */
  public Uni<Void> completeSessionOf(PaymentIntent pi) {
    return CheckoutSession.<CheckoutSession>findById(pi.sessionId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            s -> {
              if (s == null || s.status == SessionStatus.COMPLETE) {
                return Uni.createFrom().voidItem();
              }
              s.complete(Timestamps.now(clock));
              return events.sessionCompleted(s, pi).replaceWithVoid();
            });
  }
}
