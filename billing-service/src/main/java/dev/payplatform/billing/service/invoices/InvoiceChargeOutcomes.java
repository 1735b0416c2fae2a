package dev.payplatform.billing.service.invoices;

import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.service.subscriptions.SubscriptionRows;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.messaging.InapplicableEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * checkout-service's answers about invoice charges, each in its own transaction: the invoice is
 * found by tenant, its subscription locked, then the invoice loaded, never stale.
 */
@ApplicationScoped
public class InvoiceChargeOutcomes {
  private static final Logger LOG = Logger.getLogger(InvoiceChargeOutcomes.class);

  /** The invoice an outcome is about, and its subscription (the row to lock first). */
  record InvoiceKey(String invoiceId, String subscriptionId) {}

  private final InvoicePayments payments;
  private final EarlyChargeOutcomes early;

  public InvoiceChargeOutcomes(InvoicePayments payments, EarlyChargeOutcomes early) {
    this.payments = payments;
    this.early = early;
  }

  /**
   * Applies a charge outcome to its invoice: by {@code invoice_id} for purpose invoice, else (a
   * checkout session's first invoice) by payment intent or payment id. A session charge no invoice
   * claims yet is kept, since its subscription request may still be on its way.
   */
  @WithTransaction
  public Uni<Void> apply(Tenant tenant, ChargeOutcome o) {
    // Only the invoice's id and subscription are read before the lock, so the invoice itself is
    // loaded after it, never stale.
    return invoiceKeyFor(tenant, o)
        .chain(
            key -> {
              if (key == null) {
                return keepUnclaimed(tenant, o);
              }
              return SubscriptionRows.lock(key.subscriptionId())
                  .chain(
                      s ->
                          Invoice.<Invoice>findById(key.invoiceId())
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
                    : SubscriptionRows.lock(key.subscriptionId())
                        .chain(() -> Invoice.<Invoice>findById(key.invoiceId()))
                        .chain(inv -> payments.hostedPaymentCanceled(inv, paymentId)));
  }

  private Uni<Void> apply(Subscription s, Invoice inv, ChargeOutcome o) {
    if (o.succeeded()) {
      return payments.paid(s, inv, o.paymentId(), o.paymentIntentId(), o.paymentMethodId());
    }
    return payments.failed(s, inv, o.paymentId(), o.offSession(), o.declineReason());
  }

  /** The invoice an outcome is about, or null. */
  private static Uni<InvoiceKey> invoiceKeyFor(Tenant tenant, ChargeOutcome o) {
    String select =
        "select i.id, i.subscriptionId from Invoice i where i.merchantId = :merchantId"
            + " and i.livemode = :livemode";
    Uni<Object[]> row;
    if (o.invoiceId() != null) {
      row =
          Panache.getSession()
              .chain(
                  session ->
                      session
                          .createSelectionQuery(select + " and i.id = :id", Object[].class)
                          .setParameter("merchantId", tenant.merchantId())
                          .setParameter("livemode", tenant.livemode())
                          .setParameter("id", o.invoiceId())
                          .getSingleResultOrNull());
    } else if (o.paymentIntentId() == null && o.paymentId() == null) {
      return Uni.createFrom().nullItem();
    } else {
      row =
          Panache.getSession()
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
    return row.map(r -> r == null ? null : new InvoiceKey((String) r[0], (String) r[1]));
  }

  private Uni<Void> keepUnclaimed(Tenant tenant, ChargeOutcome o) {
    if (o.invoiceId() != null) {
      // A charge for an invoice this merchant and mode do not have: money moved that no invoice
      // accounts for. An operator looks at it.
      throw new InapplicableEventException(
          "charge outcome " + o.paymentIntentId() + " names unknown invoice " + o.invoiceId());
    }
    // Only a subscription session's charge saves a payment method (checkout's contract): one-off
    // session payments are not kept.
    if (!o.succeeded() || o.paymentIntentId() == null || o.paymentMethodId() == null) {
      return Uni.createFrom().voidItem();
    }
    return early.keep(tenant, o);
  }
}
