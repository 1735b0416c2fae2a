package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.domain.PaymentIntent;

/** 201 of {@code POST /v1/payments/intent} and {@code /subscription} (api-docs 000). */
public record PaymentIntentCreatedResponse(
    String clientSecret, String paymentIntentId, String amount, String currency) {
  public static PaymentIntentCreatedResponse of(PaymentIntent pi) {
    return new PaymentIntentCreatedResponse(
        pi.clientSecret, pi.id, ApiAmounts.decimal(pi.amount, pi.currency), pi.currency);
  }
}
