package dev.payplatform.payments.rest;

/** One currency's totals over the payment summary's window, in minor units. */
public record PaymentSummaryCurrencyResponse(
    String currency, long count, long succeeded, long failed, long volume, long refunded) {}
