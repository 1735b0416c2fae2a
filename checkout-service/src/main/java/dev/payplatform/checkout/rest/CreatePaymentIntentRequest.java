package dev.payplatform.checkout.rest;

import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /v1/payments/intent} and {@code POST /v1/payments/subscription}. */
public record CreatePaymentIntentRequest(@NotNull String sessionId) {}
