package dev.payplatform.checkout.rest;

/** 201 of {@code POST /v1/payments/session}. */
public record CheckoutSessionCreatedResponse(String sessionId, String checkoutUrl) {}
