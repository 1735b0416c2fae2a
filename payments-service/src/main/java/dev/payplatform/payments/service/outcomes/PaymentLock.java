package dev.payplatform.payments.service.outcomes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The per-payment lock every event that moves a payment takes first. One payment's events travel
 * under different keys (each intent's id, each refund's id), so two consumers may handle the same
 * payment at once; the lock is also what makes "create if unknown" safe. Transaction-scoped, and
 * the same key the outbox writer takes for the payment's events.
 */
public final class PaymentLock {
  private static final String LOCK =
      "select cast(1 as integer) from (select pg_advisory_xact_lock(hashtext(cast(?1 as text))))"
          + " as locked";

  private PaymentLock() {}

  /** Waits for the payment's lock, held until the caller's transaction ends. */
  public static Uni<Void> take(String paymentId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(LOCK, Integer.class)
                    .setParameter(1, paymentId)
                    .getSingleResult())
        .replaceWithVoid();
  }
}
