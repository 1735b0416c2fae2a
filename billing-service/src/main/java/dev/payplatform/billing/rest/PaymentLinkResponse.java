package dev.payplatform.billing.rest;

/**
 * {@code PaymentLinkResponse} exactly as the Payment Links API documents it (create and list):
 * {@code {"id", "object": "payment_link", "url", "active"}}.
 */
public record PaymentLinkResponse(String id, String object, String url, boolean active) {}
