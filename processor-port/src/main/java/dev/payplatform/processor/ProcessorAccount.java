package dev.payplatform.processor;

/**
 * Whose charge it is: the merchant and mode (the sandbox keeps its records per tenant) and the
 * gateway account that selects a live connector.
 */
public record ProcessorAccount(String merchantId, boolean livemode, String gatewayAccountId) {}
