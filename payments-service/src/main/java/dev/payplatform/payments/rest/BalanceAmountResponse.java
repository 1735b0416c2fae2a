package dev.payplatform.payments.rest;

/** An amount of one currency. */
public record BalanceAmountResponse(long amount, String currency) {}
