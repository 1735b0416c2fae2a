package dev.payplatform.payments.rest;

import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.LedgerEntry;
import dev.payplatform.payments.service.ledger.LedgerQueries;
import java.math.BigDecimal;

/** One balance transaction. */
public record BalanceTransactionResponse(
    String id,
    String object,
    String type,
    String source,
    long amount,
    long fee,
    long net,
    String currency,
    String status,
    String availableOn,
    String created,
    BigDecimal exchangeRate,
    Long originalAmount,
    String originalCurrency) {
  static BalanceTransactionResponse of(LedgerQueries.Transaction t) {
    LedgerEntry e = t.entry();
    return new BalanceTransactionResponse(
        e.txnId,
        "balance_transaction",
        e.type,
        e.source,
        e.amount,
        e.fee,
        e.net,
        e.currency,
        t.available() ? "available" : "pending",
        Timestamps.format(e.availableOn),
        Timestamps.format(e.createdAt),
        e.exchangeRate == null ? null : e.exchangeRate.stripTrailingZeros(),
        e.originalAmount,
        e.originalCurrency);
  }
}
