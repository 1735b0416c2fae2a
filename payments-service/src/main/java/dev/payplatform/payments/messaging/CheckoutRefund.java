package dev.payplatform.payments.messaging;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.messaging.EventPayload;

/** {@code refund.succeeded} on {@code checkout.events} (key = refund id). */
public record CheckoutRefund(String refundId, String paymentId, Long amount, String currency)
    implements EventPayload {

  @Override
  public String problem() {
    if (refundId == null || refundId.isBlank()) {
      return "refund_id is missing";
    }
    if (!Ids.looksLike(paymentId, Ids.PAYMENT)) {
      return "payment_id is missing or not a pay_ id";
    }
    if (amount == null || amount <= 0) {
      return "amount must be a positive number of minor units";
    }
    return EventPayload.isCurrencyCode(currency) ? null : "currency is not an ISO-4217 code";
  }
}
