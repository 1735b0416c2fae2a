package dev.payplatform.edge.messaging;

/**
 * Data of {@code merchant.created} / {@code merchant.updated} on {@code merchants.events}: what the
 * services acting on events (where no JWT is at hand) need to know about a merchant. Schema:
 * docs/events/merchants/merchant.schema.json.
 */
public record MerchantEvent(
    String id,
    String name,
    String gatewayAccountId,
    String settlementCurrency,
    String localCurrency,
    int feeBasisPoints,
    String feePercent,
    long feeFixed,
    String statementDescriptor,
    String lateSuccess,
    String createdAt,
    String updatedAt) {}
