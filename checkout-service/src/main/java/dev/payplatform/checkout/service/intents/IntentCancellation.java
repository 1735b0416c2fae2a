package dev.payplatform.checkout.service.intents;

import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.SessionStatus;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.InstantSource;

/**
 * Closing what will not be paid: an intent canceled (too many failed attempts, its session or
 * checkout link expired), and a session expired with its open intent. The two rules hold each
 * other: a session closing cancels its intent, and an intent canceled for too many failures closes
 * its session, so a card tester cannot simply ask the session for a fresh intent. Runs inside the
 * caller's transaction, on rows the caller locked (the intent before its session).
 */
@ApplicationScoped
public class IntentCancellation {
  private final CheckoutEvents events;
  private final InstantSource clock;

  public IntentCancellation(CheckoutEvents events, InstantSource clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Cancels an open intent and emits {@code payment_intent.canceled}; a closed one stays. */
  public Uni<Void> cancel(PaymentIntent pi, String reason) {
    if (!pi.isOpen()) {
      return Uni.createFrom().voidItem();
    }
    pi.cancel(reason, Timestamps.now(clock));
    Uni<String> emitted = events.intentCanceled(pi);
    if (PaymentIntent.CANCELED_TOO_MANY_FAILURES.equals(reason) && pi.sessionId != null) {
      return emitted
          .chain(
              () ->
                  CheckoutSession.<CheckoutSession>findById(
                      pi.sessionId, LockModeType.PESSIMISTIC_WRITE))
          .chain(this::expireSession);
    }
    return emitted.replaceWithVoid();
  }

  /**
   * Expires an open session now: emits {@code checkout.session.expired} and cancels its open intent
   * ({@code session_expired}); an intent in the middle of a processor call is left to finish.
   */
  public Uni<Void> expireSession(CheckoutSession s) {
    if (s == null || s.status != SessionStatus.OPEN) {
      return Uni.createFrom().voidItem();
    }
    s.expire(Timestamps.now(clock));
    Uni<?> done = events.sessionExpired(s);
    if (s.paymentIntentId == null) {
      return done.replaceWithVoid();
    }
    return done.chain(
            () ->
                PaymentIntent.<PaymentIntent>find(
                        "id = ?1 and merchantId = ?2 and livemode = ?3",
                        s.paymentIntentId,
                        s.merchantId,
                        s.livemode)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .<PaymentIntent>firstResult())
        .chain(
            pi ->
                pi != null && pi.isOpen() && pi.status != IntentStatus.PROCESSING
                    ? cancel(pi, PaymentIntent.CANCELED_SESSION_EXPIRED)
                    : Uni.createFrom().voidItem());
  }
}
