package dev.payplatform.payments.messaging;

import dev.payplatform.commons.messaging.EventPayload;

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
    String lateSuccess,
    String updatedAt)
    implements EventPayload {

  @Override
  public String problem() {
    if (id == null || id.isBlank()) {
      return "id is missing";
    }
    if (!EventPayload.isCurrencyCode(settlementCurrency)
        || (localCurrency != null && !EventPayload.isCurrencyCode(localCurrency))) {
      return "settlement_currency/local_currency is not an ISO-4217 code";
    }
    if (feeBasisPoints == null || feeBasisPoints < 0 || feeBasisPoints > 10_000) {
      return "fee_basis_points must be 0-10000";
    }
    if (feeFixed == null || feeFixed < 0) {
      return "fee_fixed must be a non-negative number of minor units";
    }
    return null;
  }
}
