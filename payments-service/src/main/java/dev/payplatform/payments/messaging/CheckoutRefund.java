package dev.payplatform.payments.messaging;

/** {@code refund.succeeded} on {@code checkout.events} (key = refund id). */
public record CheckoutRefund(String refundId, String paymentId, Long amount, String currency) {}
