package dev.payplatform.billing.service.subscriptions;

import dev.payplatform.billing.config.BillingConfig;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.PlanRecord;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.SubscriptionStatus;
import dev.payplatform.billing.messaging.BillingEvents;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A new subscription and its first invoice, open and payable, however it was asked for (the API or
 * a checkout session). Runs inside the caller's transaction.
 */
@ApplicationScoped
public class NewSubscriptions {
  private final BillingEvents events;
  private final BillingConfig config;
  private final InstantSource clock;

  public NewSubscriptions(BillingEvents events, BillingConfig config, InstantSource clock) {
    this.events = events;
    this.config = config;
    this.clock = clock;
  }

  /** An incomplete subscription of {@code customerId} to {@code plan}, not yet stored. */
  Subscription subscription(Tenant tenant, PlanRecord plan, String customerId, String origin) {
    Instant now = Timestamps.now(clock);
    Subscription s = new Subscription();
    s.id = Ids.newId(Subscription.ID_PREFIX);
    s.merchantId = tenant.merchantId();
    s.livemode = tenant.livemode();
    s.customerId = customerId;
    s.planId = plan.id;
    s.amount = plan.amount;
    s.currency = plan.currency;
    s.intervalUnit = plan.intervalUnit;
    s.intervalCount = plan.intervalCount;
    s.description = plan.describe();
    s.status = SubscriptionStatus.INCOMPLETE;
    s.origin = origin;
    s.createdAt = now;
    s.updatedAt = now;
    return s;
  }

  /** The subscription's first invoice, open; it becomes the subscription's latest. */
  static Invoice firstInvoice(Subscription s, long amount, String currency) {
    return Invoice.openFor(s, amount, currency, Invoice.REASON_CREATE, s.createdAt, s.createdAt);
  }

  /**
   * Stores both, schedules the first transition and emits subscription.created, invoice.created.
   */
  Uni<SubscriptionWithInvoice> persist(Subscription s, Invoice first) {
    s.scheduleNextAction(first, config.incompleteExpiry());
    return s.<Subscription>persist()
        .chain(() -> first.<Invoice>persist())
        .call(() -> events.subscription(BillingEvents.SUBSCRIPTION_CREATED, s, first))
        .call(() -> events.invoice(BillingEvents.INVOICE_CREATED, first, s))
        .replaceWith(() -> new SubscriptionWithInvoice(s, first));
  }
}
