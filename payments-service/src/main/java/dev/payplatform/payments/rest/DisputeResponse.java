package dev.payplatform.payments.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.service.disputes.DisputeQueries;
import dev.payplatform.payments.service.ledger.LedgerQueries;
import java.time.Instant;
import java.util.List;

/**
 * A dispute as the API returns it (docs/disputes.md): what its events carry, plus the balance
 * transactions of the money it moved (none for an inquiry).
 */
public record DisputeResponse(
    @JsonUnwrapped PaymentEvents.DisputeData dispute,
    List<BalanceTransactionResponse> balanceTransactions) {

  static DisputeResponse of(DisputeQueries.Found found, Instant now) {
    return new DisputeResponse(
        PaymentEvents.DisputeData.of(found.dispute(), now),
        found.balanceTransactions().stream()
            // A dispute's money moves into or out of available at once.
            .map(e -> BalanceTransactionResponse.of(new LedgerQueries.Transaction(e, true)))
            .toList());
  }
}
