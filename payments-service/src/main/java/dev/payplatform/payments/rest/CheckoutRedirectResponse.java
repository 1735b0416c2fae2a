package dev.payplatform.payments.rest;

/** The 202's {@code data}: the new payment's id and the checkout page to send the payer to. */
public record CheckoutRedirectResponse(String idPayment, String redirect) {}
