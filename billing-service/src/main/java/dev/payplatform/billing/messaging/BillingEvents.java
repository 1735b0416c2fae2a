package dev.payplatform.billing.messaging;

import dev.payplatform.billing.config.BillingTopicsConfig;
import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.PaymentLink;
import dev.payplatform.billing.domain.Refund;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.billing.rest.InvoiceResponse;
import dev.payplatform.billing.rest.PaymentLinkDetailResponse;
import dev.payplatform.billing.rest.RefundResponse;
import dev.payplatform.billing.rest.SubscriptionResponse;
import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/**
 * The events billing-service emits on billing.events (docs/events/README.md, schemas in
 * docs/events/billing/). Each call appends to the outbox, so it must run inside the transaction
 * that changed the object: both commit or neither.
 */
@ApplicationScoped
public class BillingEvents {
  public static final String SUBSCRIPTION_CREATED = "subscription.created";
  public static final String SUBSCRIPTION_ACTIVATED = "subscription.activated";
  public static final String SUBSCRIPTION_RENEWED = "subscription.renewed";
  public static final String SUBSCRIPTION_PAST_DUE = "subscription.past_due";
  public static final String SUBSCRIPTION_CANCELED = "subscription.canceled";
  public static final String INVOICE_CREATED = "invoice.created";
  public static final String INVOICE_PAID = "invoice.paid";
  public static final String INVOICE_PAYMENT_FAILED = "invoice.payment_failed";
  public static final String INVOICE_CHARGE_REQUESTED = "invoice.charge_requested";
  public static final String REFUND_CREATED = "refund.created";
  public static final String REFUND_UPDATED = "refund.updated";
  public static final String PAYMENT_LINK_CREATED = "payment_link.created";
  public static final String PAYMENT_LINK_UPDATED = "payment_link.updated";

  private final OutboxWriter outbox;
  private final BuyerUrls urls;
  private final InstantSource clock;
  private final String topic;

  public BillingEvents(
      OutboxWriter outbox, BuyerUrls urls, InstantSource clock, BillingTopicsConfig topics) {
    this.outbox = outbox;
    this.urls = urls;
    this.clock = clock;
    this.topic = topics.billing();
  }

  /** A subscription.* event: the subscription as the API returns it. Key = subscription id. */
  public Uni<String> subscription(String type, Subscription s, Invoice latest) {
    return emit(
        type,
        s.id,
        s.merchantId,
        s.livemode,
        SubscriptionResponse.of(s, latest, urls, clock.instant()));
  }

  /** An invoice.created / .paid / .payment_failed event: the invoice. Key = invoice id. */
  public Uni<String> invoice(String type, Invoice i, Subscription s) {
    return emit(type, i.id, i.merchantId, i.livemode, InvoiceResponse.of(i, s, urls));
  }

  /** Asks checkout-service to charge the saved payment method for this attempt. */
  public Uni<String> chargeRequested(Invoice i, Subscription s, String gatewayAccountId) {
    return emit(
        INVOICE_CHARGE_REQUESTED,
        i.id,
        i.merchantId,
        i.livemode,
        new InvoiceChargeRequested(
            i.id,
            s.id,
            i.customerId,
            i.paymentId,
            s.defaultPaymentMethod,
            i.amount,
            i.currency,
            s.description,
            gatewayAccountId));
  }

  /** Asks checkout-service to refund through its processor. Key = refund id. */
  public Uni<String> refundCreated(Refund r) {
    return emit(
        REFUND_CREATED,
        r.id,
        r.merchantId,
        r.livemode,
        new RefundCreated(r.id, r.paymentId, r.amount, r.currency, r.reason));
  }

  public Uni<String> refundUpdated(Refund r) {
    return emit(REFUND_UPDATED, r.id, r.merchantId, r.livemode, RefundResponse.of(r));
  }

  public Uni<String> paymentLink(String type, PaymentLink l) {
    return emit(type, l.id, l.merchantId, l.livemode, PaymentLinkDetailResponse.of(l, urls));
  }

  private Uni<String> emit(
      String type, String key, String merchantId, boolean livemode, Object data) {
    return outbox.append(new OutgoingEvent(topic, type, key, merchantId, livemode, data));
  }
}
