package dev.payplatform.billing.service.links;

import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.InvoiceStatus;
import dev.payplatform.billing.domain.PaymentLink;
import dev.payplatform.billing.domain.PaymentLinkNotFound;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.messaging.BillingEvents;
import dev.payplatform.billing.service.payments.MerchantShown;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.messaging.InapplicableEventException;
import dev.payplatform.commons.messaging.MalformedEventException;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/** Payment links and what their buyer page (and an invoice's) needs. */
@ApplicationScoped
public class PaymentLinkService {
  private static final Logger LOG = Logger.getLogger(PaymentLinkService.class);

  /** What a buyer page found for an id. */
  public sealed interface PageTarget {
    /** Payable now: send the buyer to checkout. */
    record Payable(HostedCheckout.Payable payable) implements PageTarget {}

    /** Known but no longer payable (inactive link, closed invoice): 410. */
    record Gone(String message) implements PageTarget {}

    /** Payable later, not now (an automatic charge of the invoice is in flight): 409. */
    record Busy(String message) implements PageTarget {}

    /** No such link or invoice: 404. */
    record Unknown() implements PageTarget {}
  }

  private final BillingEvents events;
  private final InstantSource clock;

  public PaymentLinkService(BillingEvents events, InstantSource clock) {
    this.events = events;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<PaymentLink> create(
      Tenant tenant, Money price, String description, String merchantName) {
    Instant now = Timestamps.now(clock);
    PaymentLink l = new PaymentLink();
    l.id = Ids.newId(PaymentLink.ID_PREFIX);
    l.merchantId = tenant.merchantId();
    l.livemode = tenant.livemode();
    l.amount = price.minorUnits();
    l.currency = price.currencyCode();
    l.description = description;
    l.active = true;
    l.merchantName = merchantName;
    l.paidCount = 0;
    l.createdAt = now;
    l.updatedAt = now;
    return l.<PaymentLink>persist()
        .call(link -> events.paymentLink(BillingEvents.PAYMENT_LINK_CREATED, link));
  }

  @WithSession
  public Uni<Page<PaymentLink>> list(Tenant tenant, PageRequest page) {
    return Pages.of(
        PaymentLink.<PaymentLink>find(Tenant.WHERE, Pages.NEWEST_FIRST, tenant.parameters()), page);
  }

  @WithSession
  public Uni<PaymentLink> get(Tenant tenant, String id) {
    return find(tenant, id);
  }

  /** Deactivates or reactivates; emits payment_link.updated only when something changed. */
  @WithTransaction
  public Uni<PaymentLink> setActive(Tenant tenant, String id, boolean active) {
    return find(tenant, id)
        .call(
            l -> {
              if (l.active == active) {
                return Uni.createFrom().voidItem();
              }
              l.active = active;
              l.updatedAt = Timestamps.now(clock);
              return events.paymentLink(BillingEvents.PAYMENT_LINK_UPDATED, l);
            });
  }

  /**
   * A link visit was paid (payment_intent.succeeded, purpose link): counted once per payment,
   * however often the event is delivered.
   */
  @WithTransaction
  public Uni<Void> recordPaidVisit(
      Tenant tenant, String linkId, String paymentId, long amount, String currency) {
    if (linkId == null || paymentId == null) {
      throw new MalformedEventException(
          "paid link visit without link or payment id (" + linkId + ", " + paymentId + ")");
    }
    return PaymentLink.<PaymentLink>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", linkId))
        .firstResult()
        .chain(
            link -> {
              if (link == null) {
                throw new InapplicableEventException(
                    "payment " + paymentId + " names unknown payment link " + linkId);
              }
              return Panache.getSession()
                  .chain(
                      s ->
                          s.createNativeQuery(
                                  "insert into payment_link_payment (payment_link_id, payment_id,"
                                      + " amount, currency, paid_at) values (?1, ?2, ?3, ?4, now())"
                                      + " on conflict do nothing")
                              .setParameter(1, link.id)
                              .setParameter(2, paymentId)
                              .setParameter(3, amount)
                              .setParameter(4, currency)
                              .executeUpdate())
                  .chain(
                      inserted -> {
                        if (inserted == 0) {
                          return Uni.createFrom().voidItem();
                        }
                        // An atomic increment: two visits paid at once both count.
                        return Panache.getSession()
                            .chain(
                                s ->
                                    s.createNativeQuery(
                                            "update payment_link set paid_count = paid_count + 1,"
                                                + " updated_at = now() where id = ?1")
                                        .setParameter(1, link.id)
                                        .executeUpdate())
                            .replaceWithVoid();
                      });
            });
  }

  /**
   * What {@code GET /link/{id}} shows: an active link or an open invoice is payable; an inactive
   * link or a closed invoice is gone; anything else is unknown. No tenant: the id is the
   * credential, and the page binds the payment to the object's own merchant and mode.
   */
  @WithTransaction
  public Uni<PageTarget> pageTarget(String id) {
    if (Ids.looksLike(id, PaymentLink.ID_PREFIX)) {
      return PaymentLink.<PaymentLink>findById(id).chain(this::linkTarget);
    }
    if (Ids.looksLike(id, Invoice.ID_PREFIX)) {
      return invoiceLocked(id).chain(this::invoiceTarget);
    }
    return Uni.createFrom().item(new PageTarget.Unknown());
  }

  private Uni<PageTarget> linkTarget(PaymentLink l) {
    if (l == null) {
      return Uni.createFrom().item(new PageTarget.Unknown());
    }
    if (!l.active) {
      return Uni.createFrom()
          .item(new PageTarget.Gone("This payment link has been deactivated by the seller."));
    }
    return MerchantShown.of(l.merchantId, l.merchantName)
        .map(
            merchant ->
                new PageTarget.Payable(
                    new HostedCheckout.Payable(
                        "link",
                        l.id,
                        l.merchantId,
                        l.livemode,
                        merchant.name(),
                        merchant.gatewayAccountId(),
                        l.amount,
                        l.currency,
                        l.description,
                        null,
                        null)));
  }

  private Uni<PageTarget> invoiceTarget(Invoice inv) {
    if (inv == null) {
      return Uni.createFrom().item(new PageTarget.Unknown());
    }
    return Subscription.<Subscription>findById(inv.subscriptionId)
        .chain(
            s -> {
              if (!inv.isOpen()) {
                return Uni.createFrom()
                    .item(
                        new PageTarget.Gone(
                            inv.status == InvoiceStatus.PAID
                                ? "This invoice has already been paid. Thank you!"
                                : "This invoice is closed and can no longer be paid."));
              }
              if (inv.chargePending) {
                return Uni.createFrom()
                    .item(
                        new PageTarget.Busy(
                            "An automatic payment of this invoice is being processed. Please"
                                + " check again in a few minutes."));
              }
              // One open payment per invoice: two tabs, or a visit after a decline, pay the same
              // payment (its one intent in checkout), so the invoice cannot be paid twice.
              if (inv.hostedPaymentId == null) {
                inv.hostedPaymentId = Ids.payment();
                inv.updatedAt = Timestamps.now(clock);
              }
              return MerchantShown.of(s.merchantId, s.merchantName)
                  .map(
                      merchant ->
                          new PageTarget.Payable(
                              new HostedCheckout.Payable(
                                  "invoice",
                                  inv.id,
                                  inv.merchantId,
                                  inv.livemode,
                                  merchant.name(),
                                  merchant.gatewayAccountId(),
                                  inv.amount,
                                  inv.currency,
                                  s.description,
                                  inv.customerId,
                                  inv.hostedPaymentId)));
            });
  }

  // The subscription first, then the invoice: the lock order of every invoice change.
  private static Uni<Invoice> invoiceLocked(String id) {
    return Invoice.<Invoice>findById(id)
        .chain(
            inv ->
                inv == null
                    ? Uni.createFrom().<Invoice>nullItem()
                    : Subscription.<Subscription>findById(
                            inv.subscriptionId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(
                            () -> Invoice.<Invoice>findById(id, LockModeType.PESSIMISTIC_WRITE)));
  }

  /** What the thanks page says: the link's or invoice's merchant, if the id is known. */
  @WithSession
  public Uni<String> merchantNameFor(String id) {
    if (Ids.looksLike(id, PaymentLink.ID_PREFIX)) {
      return PaymentLink.<PaymentLink>findById(id)
          .chain(
              l ->
                  l == null
                      ? Uni.createFrom().<String>nullItem()
                      : MerchantShown.nameOf(l.merchantId, l.merchantName));
    }
    if (Ids.looksLike(id, Invoice.ID_PREFIX)) {
      return Invoice.<Invoice>findById(id)
          .chain(
              inv ->
                  inv == null
                      ? Uni.createFrom().<String>nullItem()
                      : Subscription.<Subscription>findById(inv.subscriptionId)
                          .chain(s -> MerchantShown.nameOf(s.merchantId, s.merchantName)));
    }
    return Uni.createFrom().nullItem();
  }

  private static Uni<PaymentLink> find(Tenant tenant, String id) {
    if (!Ids.looksLike(id, PaymentLink.ID_PREFIX)) {
      return Uni.createFrom().failure(new PaymentLinkNotFound(id));
    }
    return PaymentLink.<PaymentLink>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new PaymentLinkNotFound(id));
  }
}
