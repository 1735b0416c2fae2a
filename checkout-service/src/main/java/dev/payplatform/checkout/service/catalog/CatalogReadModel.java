package dev.payplatform.checkout.service.catalog;

import dev.payplatform.checkout.domain.CatalogCustomer;
import dev.payplatform.checkout.domain.CatalogPlan;
import dev.payplatform.checkout.domain.CatalogReferenceNotFound;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Plans and customers as catalog announced them, and the check a subscription-mode session must
 * pass: the plan and the customer belong to the merchant and mode asking, and the session's amount
 * is the plan's price. A plan created a moment ago may still be on its way through Kafka, so an
 * unknown id is looked up again for a short while before it is answered 404.
 */
@ApplicationScoped
public class CatalogReadModel {
  private static final Duration LAG_ALLOWANCE = Duration.ofSeconds(3);
  private static final Duration RETRY_EVERY = Duration.ofMillis(200);

  private final InstantSource clock;

  public CatalogReadModel(InstantSource clock) {
    this.clock = clock;
  }

  /** Records a plan once (the inbox makes redeliveries no-ops; a replay finds it present). */
  public Uni<Void> plan(
      String id, String merchantId, boolean livemode, long amount, String currency) {
    return CatalogPlan.<CatalogPlan>findById(id)
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              CatalogPlan p = new CatalogPlan();
              p.id = id;
              p.merchantId = merchantId;
              p.livemode = livemode;
              p.amount = amount;
              p.currency = currency;
              p.receivedAt = Timestamps.now(clock);
              return p.persist().replaceWithVoid();
            });
  }

  public Uni<Void> customer(String id, String merchantId, boolean livemode) {
    return CatalogCustomer.<CatalogCustomer>findById(id)
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              CatalogCustomer c = new CatalogCustomer();
              c.id = id;
              c.merchantId = merchantId;
              c.livemode = livemode;
              c.receivedAt = Timestamps.now(clock);
              return c.persist().replaceWithVoid();
            });
  }

  /**
   * Fails with {@link CatalogReferenceNotFound} ({@code price_id} or {@code customer_id} unknown to
   * this merchant and mode) or a 422 (the amount is not the plan's price). Runs inside the caller's
   * session.
   */
  public Uni<Void> requireSubscribable(
      Tenant tenant, String planId, String customerId, Money amount) {
    return findPlan(tenant, planId)
        .onItem()
        .ifNull()
        .switchTo(() -> later(() -> findPlan(tenant, planId)))
        .onItem()
        .ifNull()
        .failWith(() -> CatalogReferenceNotFound.plan(planId))
        .invoke(plan -> requirePlanPrice(plan, amount))
        .chain(() -> findCustomer(tenant, customerId))
        .onItem()
        .ifNull()
        .switchTo(() -> later(() -> findCustomer(tenant, customerId)))
        .onItem()
        .ifNull()
        .failWith(() -> CatalogReferenceNotFound.customer(customerId))
        .replaceWithVoid();
  }

  /** The check again when the buyer starts paying: never a charge for an unknown plan. */
  public Uni<Boolean> subscribable(
      String merchantId, boolean livemode, String planId, String customerId) {
    Tenant tenant = new Tenant(merchantId, livemode);
    return findPlan(tenant, planId)
        .chain(
            plan ->
                plan == null
                    ? Uni.createFrom().item(false)
                    : findCustomer(tenant, customerId).map(c -> c != null));
  }

  private static void requirePlanPrice(CatalogPlan plan, Money amount) {
    if (plan.amount != amount.minorUnits() || !plan.currency.equals(amount.currencyCode())) {
      Money price = Money.ofMinorUnits(plan.amount, java.util.Currency.getInstance(plan.currency));
      throw new ValidationFailedException(
          List.of(
              new FieldError(
                  List.of("body", "amount"),
                  "must be the plan's price, "
                      + price.toDecimalString()
                      + " "
                      + plan.currency
                      + ", in that currency",
                  "value_error.plan_price")));
    }
  }

  // Each retry is its own read, so a row committed meanwhile by the consumer is seen.
  private static <T> Uni<T> later(java.util.function.Supplier<Uni<? extends T>> read) {
    return Uni.createFrom()
        .<T>deferred(read)
        .onItem()
        .ifNull()
        .failWith(NotYet::new)
        .onFailure(NotYet.class)
        .retry()
        .withBackOff(RETRY_EVERY, RETRY_EVERY)
        .atMost(LAG_ALLOWANCE.dividedBy(RETRY_EVERY))
        // Exhausted retries fail with Mutiny's "retries exhausted", caused by the last NotYet.
        .onFailure(e -> e instanceof NotYet || e.getCause() instanceof NotYet)
        .recoverWithNull();
  }

  private static final class NotYet extends RuntimeException {
    NotYet() {
      super(null, null, false, false);
    }
  }

  private static Uni<CatalogPlan> findPlan(Tenant tenant, String id) {
    return CatalogPlan.<CatalogPlan>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            id,
            tenant.merchantId(),
            tenant.livemode())
        .firstResult();
  }

  private static Uni<CatalogCustomer> findCustomer(Tenant tenant, String id) {
    return CatalogCustomer.<CatalogCustomer>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            id,
            tenant.merchantId(),
            tenant.livemode())
        .firstResult();
  }
}
