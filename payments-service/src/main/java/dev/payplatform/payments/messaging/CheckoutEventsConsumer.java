package dev.payplatform.payments.messaging;

import dev.payplatform.commons.events.IncomingEvent;
import dev.payplatform.commons.messaging.EventConsumer;
import dev.payplatform.commons.messaging.EventHandlers;
import dev.payplatform.commons.messaging.MalformedEventException;
import dev.payplatform.payments.domain.PaymentStatus;
import dev.payplatform.payments.service.disputes.DisputeOpening;
import dev.payplatform.payments.service.ledger.SettlementPostings;
import dev.payplatform.payments.service.outcomes.ChargeOutcomes;
import dev.payplatform.payments.service.outcomes.PaymentRefunds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * checkout.events → payments: intents that succeed, fail, need 3DS or are canceled, and refunds
 * that went through, and disputes the processor reports. The consumer mechanism claims each event
 * in the inbox in the same transaction as its effect, so a redelivery does nothing; other event
 * types are skipped. Reconciliation items post what the acquirer settled to the ledger.
 */
@ApplicationScoped
public class CheckoutEventsConsumer {
  static final String CONSUMER = "payments-service.checkout-events";

  private final EventConsumer consumer;
  private final EventHandlers handlers;

  public CheckoutEventsConsumer(
      EventConsumer consumer,
      ChargeOutcomes charges,
      PaymentRefunds refunds,
      DisputeOpening disputes,
      SettlementPostings settlements) {
    this.consumer = consumer;
    this.handlers =
        consumer.register(
            EventHandlers.consumer(CONSUMER)
                .on(
                    "payment_intent.succeeded",
                    CheckoutCharge.class,
                    (e, charge) -> charges.apply(tenanted(e), charge, PaymentStatus.COMPLETED))
                .on(
                    "payment_intent.payment_failed",
                    CheckoutCharge.class,
                    (e, charge) -> charges.apply(tenanted(e), charge, PaymentStatus.FAILED))
                .on(
                    "payment_intent.requires_action",
                    CheckoutCharge.class,
                    (e, charge) ->
                        charges.apply(tenanted(e), charge, PaymentStatus.REQUIRES_ACTION))
                .on(
                    "payment_intent.canceled",
                    CheckoutCharge.class,
                    (e, charge) -> charges.apply(tenanted(e), charge, PaymentStatus.CANCELED))
                .on(
                    "refund.succeeded",
                    CheckoutRefund.class,
                    (e, refund) -> refunds.apply(tenanted(e), refund))
                .on(
                    "processor.dispute_opened",
                    ProcessorDispute.class,
                    (e, dispute) -> disputes.open(tenanted(e), dispute))
                // A line the platform has no record of belongs to no merchant: no tenant check.
                .on(
                    "reconciliation_item.created",
                    ReconciliationItemEvent.class,
                    settlements::apply)
                .build());
  }

  @Incoming("checkout-events")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return consumer.consume(handlers, record);
  }

  /** Every effect belongs to the merchant and mode the envelope names. */
  static IncomingEvent tenanted(IncomingEvent event) {
    if (event.merchantId() == null || event.livemode() == null) {
      throw new MalformedEventException(
          event.type() + " " + event.id() + " has no ce_merchantid/ce_livemode");
    }
    return event;
  }
}
