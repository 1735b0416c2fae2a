package dev.payplatform.billing.service.invoices;

import dev.payplatform.billing.domain.CheckoutOutcome;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Successful charges of checkout sessions that overtook their subscription request: kept until the
 * request creates the subscription and claims its first invoice's charge, forgotten after a week.
 */
@ApplicationScoped
public class EarlyChargeOutcomes {
  private final InstantSource clock;

  public EarlyChargeOutcomes(InstantSource clock) {
    this.clock = clock;
  }

  /** Keeps a session charge no invoice claims yet. Inside the caller's transaction. */
  public Uni<Void> keep(Tenant tenant, ChargeOutcome o) {
    return CheckoutOutcome.<CheckoutOutcome>findById(o.paymentIntentId())
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              CheckoutOutcome c = new CheckoutOutcome();
              c.paymentIntentId = o.paymentIntentId();
              c.paymentId = o.paymentId();
              c.merchantId = tenant.merchantId();
              c.livemode = tenant.livemode();
              c.succeeded = true;
              c.paymentMethodId = o.paymentMethodId();
              c.receivedAt = Timestamps.now(clock);
              return c.persist().replaceWithVoid();
            });
  }

  /** The kept success of this payment intent or payment, or null. */
  public Uni<CheckoutOutcome> find(Tenant tenant, String paymentIntentId, String paymentId) {
    return CheckoutOutcome.<CheckoutOutcome>find(
            Tenant.WHERE + " and (paymentIntentId = :pi or paymentId = :pay) and succeeded = true",
            tenant.parameters("pi", paymentIntentId).and("pay", paymentId))
        .firstResult();
  }

  /** Forgets session charge outcomes no subscription claimed within a week. */
  @WithTransaction
  public Uni<Long> forgetStale() {
    return CheckoutOutcome.delete(
        "receivedAt < ?1", Timestamps.now(clock).minus(Duration.ofDays(7)));
  }
}
