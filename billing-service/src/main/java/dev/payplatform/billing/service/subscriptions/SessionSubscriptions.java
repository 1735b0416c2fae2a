package dev.payplatform.billing.service.subscriptions;

import dev.payplatform.billing.domain.CustomerRecord;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.PlanRecord;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.service.invoices.EarlyChargeOutcomes;
import dev.payplatform.billing.service.invoices.InvoicePayments;
import dev.payplatform.commons.auth.Tenant;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A checkout session in subscription mode was paid for (or is being paid): the same subscription
 * and first invoice as the API would create. A request waits (parked) while its plan or customer is
 * not known yet, and a charge outcome that arrived before it is applied once it exists.
 */
@ApplicationScoped
public class SessionSubscriptions {
  private static final Logger LOG = Logger.getLogger(SessionSubscriptions.class);

  private final NewSubscriptions subscriptions;
  private final SessionRequests parked;
  private final EarlyChargeOutcomes early;
  private final InvoicePayments payments;

  public SessionSubscriptions(
      NewSubscriptions subscriptions,
      SessionRequests parked,
      EarlyChargeOutcomes early,
      InvoicePayments payments) {
    this.subscriptions = subscriptions;
    this.parked = parked;
    this.early = early;
    this.payments = payments;
  }

  /** Creates the session's subscription once; a repeated request is ignored. */
  @WithTransaction
  public Uni<Void> create(Tenant tenant, SessionRequest req) {
    return Subscription.<Subscription>find(
            Tenant.WHERE + " and checkoutSessionId = :session",
            tenant.parameters("session", req.sessionId()))
        .firstResult()
        .chain(
            existing -> {
              if (existing != null) {
                LOG.debugf("session %s already has subscription %s", req.sessionId(), existing.id);
                return Uni.createFrom().voidItem();
              }
              return materialise(tenant, req);
            });
  }

  /**
   * Retries parked session requests that were waiting for this plan or customer, inside the
   * caller's transaction (the read model's).
   */
  public Uni<Void> retryParked(Tenant tenant, String catalogId) {
    return parked
        .waitingFor(tenant, catalogId)
        .chain(
            requests -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (SessionRequest r : requests) {
                chain = chain.chain(() -> create(tenant, r));
              }
              return chain;
            });
  }

  private Uni<Void> materialise(Tenant tenant, SessionRequest req) {
    Uni<PlanRecord> planLookup =
        req.planId() == null
            ? Uni.createFrom().nullItem()
            : PlanRecord.<PlanRecord>find(
                    Tenant.WHERE + " and id = :id", tenant.parameters("id", req.planId()))
                .firstResult();
    return planLookup.chain(
        plan ->
            (req.customerId() == null
                    ? Uni.createFrom().<CustomerRecord>nullItem()
                    : CustomerRecord.<CustomerRecord>find(
                            Tenant.WHERE + " and id = :id",
                            tenant.parameters("id", req.customerId()))
                        .firstResult())
                .chain(
                    customer -> {
                      boolean customerMissing = req.customerId() != null && customer == null;
                      if (plan == null || customerMissing) {
                        return parked.park(tenant, req);
                      }
                      Subscription s =
                          subscriptions.subscription(
                              tenant, plan, req.customerId(), Subscription.ORIGIN_CHECKOUT_SESSION);
                      s.checkoutSessionId = req.sessionId();
                      long amount =
                          req.amount() != null && req.amount() > 0 ? req.amount() : plan.amount;
                      String currency = req.currency() != null ? req.currency() : plan.currency;
                      Invoice first = NewSubscriptions.firstInvoice(s, amount, currency);
                      first.paymentId = req.paymentId();
                      first.paymentIntentId = req.paymentIntentId();
                      return subscriptions
                          .persist(s, first)
                          .chain(() -> parked.forget(req.sessionId()))
                          .chain(() -> applyEarlyOutcome(tenant, s, first));
                    }));
  }

  /** A charge outcome that overtook its subscription request is applied now. */
  private Uni<Void> applyEarlyOutcome(Tenant tenant, Subscription s, Invoice first) {
    return early
        .find(tenant, first.paymentIntentId, first.paymentId)
        .chain(
            outcome -> {
              if (outcome == null) {
                return Uni.createFrom().voidItem();
              }
              return payments
                  .paid(
                      s, first, outcome.paymentId, outcome.paymentIntentId, outcome.paymentMethodId)
                  .chain(() -> outcome.delete());
            });
  }
}
