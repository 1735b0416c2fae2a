package dev.payplatform.payments.messaging;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.messaging.EventPayload;

/**
 * {@code processor.dispute_opened} on {@code checkout.events} (key = payment intent id): the
 * processor reports a dispute of a charge (docs/disputes.md).
 */
public record ProcessorDispute(
    String paymentIntentId,
    String paymentId,
    String chargeRef,
    String processorReference,
    Long amount,
    String currency,
    String reason,
    Boolean inquiry,
    String networkReasonCode)
    implements EventPayload {

  @Override
  public String problem() {
    if (!Ids.looksLike(paymentId, Ids.PAYMENT)) {
      return "payment_id is missing or not a pay_ id";
    }
    if (processorReference == null || processorReference.isBlank()) {
      return "processor_reference is missing";
    }
    if (amount == null || amount <= 0) {
      return "amount must be a positive number of minor units";
    }
    if (reason == null || reason.isBlank()) {
      return "reason is missing";
    }
    return EventPayload.isCurrencyCode(currency) ? null : "currency is not an ISO-4217 code";
  }
}
