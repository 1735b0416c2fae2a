package dev.payplatform.checkout.service;

/** The merchant, mode and display data a merchant request acts for (from the edge's JWT). */
public record Tenant(
    String merchantId, boolean livemode, String merchantName, String gatewayAccountId) {}
