package dev.payplatform.billing.service;

import dev.payplatform.billing.config.BillingSettings;
import dev.payplatform.billing.domain.CheckoutOutcome;
import dev.payplatform.billing.domain.CustomerRecord;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.MerchantRecord;
import dev.payplatform.billing.domain.PlanRecord;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.domain.Timestamps;
import dev.payplatform.billing.messaging.BillingEvents;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Subscriptions: the API's operations and the checkout events that create or pay them. */
@ApplicationScoped
public class SubscriptionService {
  private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

  /** A subscription with its latest invoice, as the API shows them together. */
  public record WithInvoice(Subscription subscription, Invoice latestInvoice) {}

  /** What POST /v1/subscriptions asks for, already validated for shape. */
  public record NewSubscription(String customerId, String planId, Integer trialDays) {}

  /** A session-based subscription request (checkout.subscription_requested). */
  public record SessionRequest(
      String sessionId,
      String paymentIntentId,
      String paymentId,
      String customerId,
      String planId,
      Long amount,
      String currency) {}

  private final SubscriptionLifecycle lifecycle;
  private final BillingEvents events;
  private final BillingSettings settings;
  private final SessionRequests parked;

  public SubscriptionService(
      SubscriptionLifecycle lifecycle,
      BillingEvents events,
      BillingSettings settings,
      SessionRequests parked) {
    this.lifecycle = lifecycle;
    this.events = events;
    this.settings = settings;
    this.parked = parked;
  }

  /**
   * Creates the subscription (incomplete, or trialing with {@code trial_days}) and its first
   * invoice, open and payable on the buyer page. The customer and the plan must be this tenant's:
   * anything else is a 404 naming the field.
   */
  @WithTransaction
  public Uni<WithInvoice> create(Tenant tenant, NewSubscription req, String merchantName) {
    return customer(tenant, req.customerId())
        .chain(
            customer ->
                plan(tenant, req.planId())
                    .chain(
                        plan -> {
                          Subscription s =
                              newSubscription(tenant, plan, customer.id, Subscription.ORIGIN_API);
                          s.merchantName = merchantName;
                          Invoice first = firstInvoice(s, plan.amount, plan.currency);
                          if (req.trialDays() != null) {
                            s.status = Subscription.TRIALING;
                            s.trialStart = s.clockNow();
                            s.trialEnd = s.trialStart.plus(Duration.ofDays(req.trialDays()));
                            s.billingCycleAnchor = s.trialEnd;
                            s.currentPeriodStart = s.trialStart;
                            s.currentPeriodEnd = s.trialEnd;
                            // Paid ahead on the buyer page; it covers the first period after the
                            // trial.
                            first.periodStart = s.trialEnd;
                            first.periodEnd = s.periodBoundary(1);
                          }
                          return persistNew(s, first);
                        }));
  }

  /**
   * A checkout session in subscription mode was paid for (or is being paid): create the same
   * objects as the API would. Waits (stored) when the plan or customer is not known yet; applies a
   * charge outcome that arrived before this request.
   */
  @WithTransaction
  public Uni<Void> createFromSession(Tenant tenant, SessionRequest req) {
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
                          newSubscription(
                              tenant, plan, req.customerId(), Subscription.ORIGIN_CHECKOUT_SESSION);
                      s.checkoutSessionId = req.sessionId();
                      long amount =
                          req.amount() != null && req.amount() > 0 ? req.amount() : plan.amount;
                      String currency = req.currency() != null ? req.currency() : plan.currency;
                      Invoice first = firstInvoice(s, amount, currency);
                      first.paymentId = req.paymentId();
                      first.paymentIntentId = req.paymentIntentId();
                      return persistNew(s, first)
                          .chain(() -> parked.forget(req.sessionId()))
                          .chain(() -> applyEarlyOutcome(tenant, s, first));
                    }));
  }

  /** A charge outcome that overtook its subscription request is applied now. */
  private Uni<Void> applyEarlyOutcome(Tenant tenant, Subscription s, Invoice first) {
    Parameters params = tenant.parameters("pi", first.paymentIntentId).and("pay", first.paymentId);
    return CheckoutOutcome.<CheckoutOutcome>find(
            Tenant.WHERE + " and (paymentIntentId = :pi or paymentId = :pay) and succeeded = true",
            params)
        .firstResult()
        .chain(
            outcome -> {
              if (outcome == null) {
                return Uni.createFrom().voidItem();
              }
              return lifecycle
                  .invoicePaid(
                      s, first, outcome.paymentId, outcome.paymentIntentId, outcome.paymentMethodId)
                  .chain(() -> outcome.delete());
            });
  }

  /** Retries parked session requests that were waiting for this plan or customer. */
  public Uni<Void> retryParked(Tenant tenant, String catalogId) {
    return parked
        .waitingFor(tenant, catalogId)
        .chain(
            requests -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (SessionRequest r : requests) {
                chain = chain.chain(() -> createFromSession(tenant, r));
              }
              return chain;
            });
  }

  private Subscription newSubscription(
      Tenant tenant, PlanRecord plan, String customerId, String origin) {
    Instant now = Timestamps.now();
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
    s.status = Subscription.INCOMPLETE;
    s.origin = origin;
    s.createdAt = now;
    s.updatedAt = now;
    return s;
  }

  private static Invoice firstInvoice(Subscription s, long amount, String currency) {
    Invoice inv = new Invoice();
    inv.id = Ids.newId(Invoice.ID_PREFIX);
    inv.merchantId = s.merchantId;
    inv.livemode = s.livemode;
    inv.subscriptionId = s.id;
    inv.customerId = s.customerId;
    inv.amount = amount;
    inv.currency = currency;
    inv.status = Invoice.OPEN;
    inv.billingReason = Invoice.REASON_CREATE;
    inv.createdAt = s.createdAt;
    inv.updatedAt = s.createdAt;
    s.latestInvoiceId = inv.id;
    return inv;
  }

  private Uni<WithInvoice> persistNew(Subscription s, Invoice first) {
    s.scheduleNextAction(first, settings.incompleteExpiry());
    return s.<Subscription>persist()
        .chain(() -> first.<Invoice>persist())
        .call(() -> events.subscription(BillingEvents.SUBSCRIPTION_CREATED, s, first))
        .call(() -> events.invoice(BillingEvents.INVOICE_CREATED, first, s))
        .replaceWith(() -> new WithInvoice(s, first));
  }

  @WithSession
  public Uni<WithInvoice> get(Tenant tenant, String id) {
    if (!Ids.looksLike(id, Subscription.ID_PREFIX)) {
      return Uni.createFrom().failure(notFound(id));
    }
    return Subscription.<Subscription>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> notFound(id))
        .chain(s -> lifecycle.latestInvoice(s).map(inv -> new WithInvoice(s, inv)));
  }

  /** Newest first, optionally filtered by status and customer. */
  @WithSession
  public Uni<Page<WithInvoice>> list(
      Tenant tenant, String status, String customerId, PageRequest page) {
    String where = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (status != null) {
      where += " and status = :status";
      params = params.and("status", status);
    }
    if (customerId != null) {
      where += " and customerId = :customerId";
      params = params.and("customerId", customerId);
    }
    return Pages.of(Subscription.<Subscription>find(where, Pages.NEWEST_FIRST, params), page)
        .chain(this::withLatestInvoices);
  }

  private Uni<Page<WithInvoice>> withLatestInvoices(Page<Subscription> page) {
    List<String> ids =
        page.items().stream().map(s -> s.latestInvoiceId).filter(i -> i != null).toList();
    if (ids.isEmpty()) {
      return Uni.createFrom().item(page.map(s -> new WithInvoice(s, null)));
    }
    return Invoice.<Invoice>list("id in ?1", ids)
        .map(
            invoices -> {
              Map<String, Invoice> byId = new HashMap<>();
              invoices.forEach(i -> byId.put(i.id, i));
              return page.map(s -> new WithInvoice(s, byId.get(s.latestInvoiceId)));
            });
  }

  /**
   * Cancels now (an open invoice is voided) or at the end of the current period. Only a
   * subscription that has not ended can be canceled; at_period_end needs an active or trialing one,
   * and once the period is already over it means now.
   */
  @WithTransaction
  public Uni<WithInvoice> cancel(Tenant tenant, String id, boolean atPeriodEnd) {
    return locked(tenant, id)
        .chain(
            s ->
                lifecycle
                    .latestInvoice(s)
                    .chain(
                        latest -> {
                          if (s.isTerminal()) {
                            throw ApiException.conflict(
                                "Subscription " + s.id + " has already ended (" + s.status + ").");
                          }
                          Instant now = s.clockNow();
                          Instant periodEnd =
                              Subscription.TRIALING.equals(s.status)
                                  ? s.trialEnd
                                  : s.currentPeriodEnd;
                          if (atPeriodEnd) {
                            boolean schedulable =
                                Subscription.ACTIVE.equals(s.status)
                                    || Subscription.TRIALING.equals(s.status);
                            if (!schedulable) {
                              throw ApiException.conflict(
                                  "Only an active or trialing subscription can be canceled at"
                                      + " period end; this one is "
                                      + s.status
                                      + ". Cancel it now instead.");
                            }
                            if (periodEnd != null && now.isBefore(periodEnd)) {
                              s.cancelAtPeriodEnd = true;
                              s.canceledAt = now;
                              s.updatedAt = Timestamps.now();
                              s.scheduleNextAction(latest, settings.incompleteExpiry());
                              return Uni.createFrom().item(new WithInvoice(s, latest));
                            }
                          }
                          return lifecycle
                              .end(s, latest, Subscription.CANCELED, "requested", now)
                              .replaceWith(() -> new WithInvoice(s, latest));
                        }));
  }

  /**
   * Moves a test-mode subscription's clock forward and runs whatever became due (renewals, retries,
   * trial end, expiry) before answering.
   *
   * @param seconds how far to move, or null
   * @param to the new clock time, or null (exactly one of the two is given)
   */
  @WithTransaction
  public Uni<WithInvoice> advanceClock(Tenant tenant, String id, Long seconds, Instant to) {
    if (tenant.livemode()) {
      return Uni.createFrom()
          .failure(
              ApiException.badRequest(
                  "Test clocks exist only in test mode: use a sk_test_ key. Live subscriptions"
                      + " follow real time."));
    }
    return locked(tenant, id)
        .chain(
            s -> {
              Instant now = s.clockNow();
              long delta;
              if (seconds != null) {
                delta = seconds;
              } else {
                delta = Duration.between(now, to).getSeconds();
                if (delta <= 0) {
                  throw new ValidationFailedException(
                      FieldError.body(
                          "to",
                          "must be later than the subscription's current clock time "
                              + Timestamps.format(now)));
                }
              }
              s.clockOffsetSeconds += delta;
              s.updatedAt = Timestamps.now();
              return lifecycle
                  .runDue(s)
                  .chain(() -> lifecycle.latestInvoice(s))
                  .map(latest -> new WithInvoice(s, latest));
            });
  }

  /** A charge outcome from checkout-service (payment_intent.succeeded / .payment_failed). */
  public record ChargeOutcome(
      String purpose,
      String invoiceId,
      String paymentId,
      String paymentIntentId,
      String paymentMethodId,
      boolean succeeded,
      boolean offSession,
      String declineReason) {}

  /**
   * Applies a charge outcome to its invoice: by {@code invoice_id} for purpose invoice, else (a
   * checkout session's first invoice) by payment intent or payment id. A session charge no invoice
   * claims yet is kept, since its subscription request may still be on its way.
   */
  @WithTransaction
  public Uni<Void> applyChargeOutcome(Tenant tenant, ChargeOutcome o) {
    // Only the invoice's id and subscription are read before the lock, so the invoice itself is
    // loaded after it, never stale.
    return invoiceKeyFor(tenant, o)
        .chain(
            key -> {
              if (key == null) {
                return keepUnclaimed(tenant, o);
              }
              return lifecycle
                  .lock((String) key[1])
                  .chain(
                      s ->
                          Invoice.<Invoice>findById((String) key[0])
                              .chain(inv -> apply(s, inv, o)));
            });
  }

  /** checkout canceled an invoice's hosted payment: the next visit of its page starts anew. */
  @WithTransaction
  public Uni<Void> hostedPaymentCanceled(Tenant tenant, String invoiceId, String paymentId) {
    ChargeOutcome o =
        new ChargeOutcome("invoice", invoiceId, paymentId, null, null, false, false, null);
    return invoiceKeyFor(tenant, o)
        .chain(
            key ->
                key == null
                    ? Uni.createFrom().voidItem()
                    : lifecycle
                        .lock((String) key[1])
                        .chain(() -> Invoice.<Invoice>findById((String) key[0]))
                        .chain(inv -> lifecycle.hostedPaymentCanceled(inv, paymentId)));
  }

  private Uni<Void> apply(Subscription s, Invoice inv, ChargeOutcome o) {
    if (o.succeeded()) {
      return lifecycle.invoicePaid(s, inv, o.paymentId(), o.paymentIntentId(), o.paymentMethodId());
    }
    return lifecycle.invoicePaymentFailed(s, inv, o.paymentId(), o.offSession(), o.declineReason());
  }

  /** {invoice id, subscription id} of the invoice an outcome is about, or null. */
  private static Uni<Object[]> invoiceKeyFor(Tenant tenant, ChargeOutcome o) {
    String select =
        "select i.id, i.subscriptionId from Invoice i where i.merchantId = :merchantId"
            + " and i.livemode = :livemode";
    if (o.invoiceId() != null) {
      return Panache.getSession()
          .chain(
              session ->
                  session
                      .createSelectionQuery(select + " and i.id = :id", Object[].class)
                      .setParameter("merchantId", tenant.merchantId())
                      .setParameter("livemode", tenant.livemode())
                      .setParameter("id", o.invoiceId())
                      .getSingleResultOrNull());
    }
    if (o.paymentIntentId() == null && o.paymentId() == null) {
      return Uni.createFrom().nullItem();
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createSelectionQuery(
                        select
                            + " and i.billingReason = :reason"
                            + " and (i.paymentIntentId = :pi or i.paymentId = :pay)",
                        Object[].class)
                    .setParameter("merchantId", tenant.merchantId())
                    .setParameter("livemode", tenant.livemode())
                    .setParameter("reason", Invoice.REASON_CREATE)
                    .setParameter("pi", o.paymentIntentId())
                    .setParameter("pay", o.paymentId())
                    .setMaxResults(1)
                    .getSingleResultOrNull());
  }

  private static Uni<Void> keepUnclaimed(Tenant tenant, ChargeOutcome o) {
    if (o.invoiceId() != null) {
      LOG.warnf("charge outcome for unknown invoice %s ignored", o.invoiceId());
      return Uni.createFrom().voidItem();
    }
    // Only a subscription session's charge saves a payment method (checkout's contract): one-off
    // session payments are not kept.
    if (!o.succeeded() || o.paymentIntentId() == null || o.paymentMethodId() == null) {
      return Uni.createFrom().voidItem();
    }
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
              c.receivedAt = Timestamps.now();
              return c.persist().replaceWithVoid();
            });
  }

  /** Forgets session charge outcomes no subscription claimed within a week. */
  @WithTransaction
  public Uni<Long> forgetStaleOutcomes() {
    return CheckoutOutcome.delete("receivedAt < ?1", Timestamps.now().minus(Duration.ofDays(7)));
  }

  /** The sweep's unit of work: one subscription, locked, everything due applied. */
  @WithTransaction
  public Uni<Void> runDue(String id) {
    return lifecycle
        .lock(id)
        .chain(s -> s == null ? Uni.createFrom().voidItem() : lifecycle.runDue(s));
  }

  private Uni<Subscription> locked(Tenant tenant, String id) {
    if (!Ids.looksLike(id, Subscription.ID_PREFIX)) {
      return Uni.createFrom().failure(notFound(id));
    }
    return lifecycle.lock(tenant, id).onItem().ifNull().failWith(() -> notFound(id));
  }

  private static Uni<CustomerRecord> customer(Tenant tenant, String id) {
    if (!Ids.looksLike(id, CustomerRecord.ID_PREFIX)) {
      return Uni.createFrom()
          .failure(ApiException.referenceNotFound("customer_id", "customer", id));
    }
    return CustomerRecord.<CustomerRecord>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.referenceNotFound("customer_id", "customer", id));
  }

  private static Uni<PlanRecord> plan(Tenant tenant, String id) {
    if (!Ids.looksLike(id, PlanRecord.ID_PREFIX)) {
      return Uni.createFrom().failure(ApiException.referenceNotFound("plan_id", "plan", id));
    }
    return PlanRecord.<PlanRecord>find(Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.referenceNotFound("plan_id", "plan", id));
  }

  /** The merchant's display name for hosted pages: the read model's, else the one stored. */
  static Uni<String> merchantName(String merchantId, String fallback) {
    return merchantOf(merchantId, fallback).map(MerchantShown::name);
  }

  /** What a checkout token carries of the merchant: its display name and gateway account. */
  record MerchantShown(String name, String gatewayAccountId) {}

  static Uni<MerchantShown> merchantOf(String merchantId, String fallbackName) {
    return MerchantRecord.<MerchantRecord>findById(merchantId)
        .map(
            m ->
                new MerchantShown(
                    m != null && m.name != null ? m.name : fallbackName == null ? "" : fallbackName,
                    m == null ? null : m.gatewayAccountId));
  }

  private static ApiException notFound(String id) {
    return new ApiException(404, "Subscription not found", "No such subscription: " + id);
  }
}
