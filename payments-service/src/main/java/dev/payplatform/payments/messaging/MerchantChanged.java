package dev.payplatform.payments.messaging;

/**
 * {@code merchant.created} / {@code merchant.updated} on {@code merchants.events}: the part of a
 * merchant payments-service needs (fee plan, currencies, statement descriptor).
 */
public record MerchantChanged(
    String id,
    String name,
    String settlementCurrency,
    String localCurrency,
    Integer feeBasisPoints,
    Long feeFixed,
    String statementDescriptor,
    String updatedAt) {}
