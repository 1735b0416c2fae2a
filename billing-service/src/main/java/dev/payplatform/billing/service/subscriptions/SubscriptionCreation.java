package dev.payplatform.billing.service.subscriptions;

import dev.payplatform.billing.domain.CustomerRecord;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.PlanRecord;
import dev.payplatform.billing.domain.ReferenceNotFound;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.SubscriptionStatus;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;

/** POST /v1/subscriptions: a subscription of a known customer to a known plan. */
@ApplicationScoped
public class SubscriptionCreation {
  /** What the request asks for, already validated for shape. */
  public record NewSubscription(String customerId, String planId, Integer trialDays) {}

  private final NewSubscriptions subscriptions;
  private final InstantSource clock;

  public SubscriptionCreation(NewSubscriptions subscriptions, InstantSource clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  /**
   * Creates the subscription (incomplete, or trialing with {@code trial_days}) and its first
   * invoice, open and payable on the buyer page. The customer and the plan must be this tenant's:
   * anything else is {@link ReferenceNotFound} naming the field.
   */
  @WithTransaction
  public Uni<SubscriptionWithInvoice> create(
      Tenant tenant, NewSubscription req, String merchantName) {
    return customer(tenant, req.customerId())
        .chain(
            customer ->
                plan(tenant, req.planId())
                    .chain(
                        plan -> {
                          Subscription s =
                              subscriptions.subscription(
                                  tenant, plan, customer.id, Subscription.ORIGIN_API);
                          s.merchantName = merchantName;
                          Invoice first =
                              NewSubscriptions.firstInvoice(s, plan.amount, plan.currency);
                          if (req.trialDays() != null) {
                            s.status = SubscriptionStatus.TRIALING;
                            s.trialStart = s.clockNow(clock.instant());
                            s.trialEnd = s.trialStart.plus(Duration.ofDays(req.trialDays()));
                            s.billingCycleAnchor = s.trialEnd;
                            s.currentPeriodStart = s.trialStart;
                            s.currentPeriodEnd = s.trialEnd;
                            // Paid ahead on the buyer page; it covers the first period after the
                            // trial.
                            first.periodStart = s.trialEnd;
                            first.periodEnd = s.periodBoundary(1);
                          }
                          return subscriptions.persist(s, first);
                        }));
  }

  private static Uni<CustomerRecord> customer(Tenant tenant, String id) {
    if (!Ids.looksLike(id, CustomerRecord.ID_PREFIX)) {
      return Uni.createFrom().failure(new ReferenceNotFound("customer_id", "customer", id));
    }
    return CustomerRecord.<CustomerRecord>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new ReferenceNotFound("customer_id", "customer", id));
  }

  private static Uni<PlanRecord> plan(Tenant tenant, String id) {
    if (!Ids.looksLike(id, PlanRecord.ID_PREFIX)) {
      return Uni.createFrom().failure(new ReferenceNotFound("plan_id", "plan", id));
    }
    return PlanRecord.<PlanRecord>find(Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new ReferenceNotFound("plan_id", "plan", id));
  }
}
