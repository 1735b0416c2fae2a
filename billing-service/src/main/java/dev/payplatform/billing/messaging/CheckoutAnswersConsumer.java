package dev.payplatform.billing.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.billing.service.invoices.ChargeOutcome;
import dev.payplatform.billing.service.invoices.InvoiceChargeOutcomes;
import dev.payplatform.billing.service.links.PaymentLinkService;
import dev.payplatform.billing.service.refunds.RefundService;
import dev.payplatform.billing.service.subscriptions.SessionRequest;
import dev.payplatform.billing.service.subscriptions.SessionSubscriptions;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * checkout-service's answers: charges of invoices and link visits (payment_intent.succeeded /
 * .payment_failed), session subscriptions (checkout.subscription_requested) and refund outcomes
 * (refund.succeeded / refund.failed).
 */
@ApplicationScoped
public class CheckoutAnswersConsumer {
  static final String CONSUMER = "billing-checkout";

  private final EventConsumer consumer;
  private final EventHandlers handlers;
  private final SessionSubscriptions sessionSubscriptions;
  private final InvoiceChargeOutcomes invoiceCharges;
  private final PaymentLinkService links;
  private final RefundService refunds;

  public CheckoutAnswersConsumer(
      EventConsumer consumer,
      SessionSubscriptions sessionSubscriptions,
      InvoiceChargeOutcomes invoiceCharges,
      PaymentLinkService links,
      RefundService refunds) {
    this.consumer = consumer;
    this.sessionSubscriptions = sessionSubscriptions;
    this.invoiceCharges = invoiceCharges;
    this.links = links;
    this.refunds = refunds;
    EventHandlers.Builder table =
        EventHandlers.consumer(CONSUMER)
            .on("payment_intent.succeeded", JsonNode.class, (e, d) -> charge(e, d, true))
            .on("payment_intent.payment_failed", JsonNode.class, (e, d) -> charge(e, d, false))
            .on("payment_intent.canceled", JsonNode.class, this::intentCanceled)
            .on("checkout.subscription_requested", JsonNode.class, this::subscriptionRequested)
            .on("refund.succeeded", JsonNode.class, this::refundSucceeded)
            .on("refund.failed", JsonNode.class, this::refundFailed);
    this.handlers = consumer.register(table.build());
  }

  @Incoming("checkout-events")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return consumer.consume(handlers, record);
  }

  private Uni<Void> intentCanceled(IncomingEvent event, JsonNode d) {
    return "invoice".equals(EventFields.text(d, "purpose"))
            && EventFields.text(d, "invoice_id") != null
        ? invoiceCharges.hostedPaymentCanceled(
            EventFields.tenant(event),
            EventFields.text(d, "invoice_id"),
            EventFields.requiredText(d, "payment_id"))
        : Uni.createFrom().voidItem();
  }

  private Uni<Void> subscriptionRequested(IncomingEvent event, JsonNode d) {
    return sessionSubscriptions.create(
        EventFields.tenant(event),
        new SessionRequest(
            EventFields.requiredText(d, "session_id"),
            EventFields.text(d, "payment_intent_id"),
            EventFields.text(d, "payment_id"),
            EventFields.text(d, "customer_id"),
            EventFields.requiredText(d, "plan_id"),
            EventFields.integer(d, "amount"),
            EventFields.text(d, "currency") == null ? null : EventFields.currency(d)));
  }

  private Uni<Void> refundSucceeded(IncomingEvent event, JsonNode d) {
    return refunds.settle(
        EventFields.tenant(event), EventFields.requiredText(d, "refund_id"), true, null);
  }

  private Uni<Void> refundFailed(IncomingEvent event, JsonNode d) {
    return refunds.settle(
        EventFields.tenant(event),
        EventFields.requiredText(d, "refund_id"),
        false,
        EventFields.text(d, "failure_reason"));
  }

  private Uni<Void> charge(IncomingEvent event, JsonNode d, boolean succeeded) {
    String purpose = EventFields.text(d, "purpose");
    Tenant tenant = EventFields.tenant(event);
    if ("link".equals(purpose)) {
      if (!succeeded) {
        return Uni.createFrom().voidItem();
      }
      String linkId = EventFields.text(d, "payment_link_id");
      return links.recordPaidVisit(
          tenant,
          linkId != null ? linkId : EventFields.text(d, "reference"),
          EventFields.requiredText(d, "payment_id"),
          EventFields.requiredInteger(d, "amount"),
          EventFields.currency(d));
    }
    if (!"invoice".equals(purpose) && !"session".equals(purpose)) {
      // Hosted one-off payments are payments-service's business, not billing's.
      return Uni.createFrom().voidItem();
    }
    String invoiceId = EventFields.text(d, "invoice_id");
    String reference = EventFields.text(d, "reference");
    if (invoiceId == null && Ids.looksLike(reference, "in")) {
      invoiceId = reference;
    }
    // Without an invoice id the charge is matched by its payment intent / payment id (the first
    // invoice of a checkout-session subscription).
    return invoiceCharges.apply(
        tenant,
        new ChargeOutcome(
            purpose,
            invoiceId,
            EventFields.text(d, "payment_id"),
            EventFields.text(d, "payment_intent_id"),
            EventFields.text(d, "payment_method_id"),
            succeeded,
            EventFields.flag(d, "off_session"),
            EventFields.text(d, "decline_reason")));
  }
}
