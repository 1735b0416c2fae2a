package dev.payplatform.payments.rest;

/** One UTC day and currency of the payment summary, in minor units. */
public record PaymentSummaryDayResponse(
    String date,
    String currency,
    long count,
    long succeeded,
    long failed,
    long volume,
    long refunded) {}
