package dev.payplatform.checkout.domain.reconciliation;

import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * What a reconciliation item found when a settlement report line and the connector's journal were
 * compared. Two kinds agree ({@code matched}, and {@code reversed}: reversed on both sides); every
 * other kind is a difference, open until an operator resolves it.
 */
public enum ReconciliationKind implements WireWord {
  /** Same RRN, amount, currency, authorization code and business day. */
  MATCHED,
  /** Reversed on both sides: the report has the transaction and its reversal, the journal too. */
  REVERSED,
  /** Settled by the acquirer, not recorded (or reversed) by the platform: the worst kind. */
  MISSING_ON_PLATFORM,
  /** Recorded by the platform, not settled (or reversed) by the acquirer. */
  MISSING_AT_ACQUIRER,
  AMOUNT_MISMATCH,
  CURRENCY_MISMATCH,
  /** Same RRN, amount and currency, another authorization code (DE 38). */
  AUTHORIZATION_MISMATCH,
  /** A second report line for a record already settled. */
  DUPLICATED,
  /** Settled on another business day than the platform recorded it. */
  LATE;

  public boolean difference() {
    return this != MATCHED && this != REVERSED;
  }

  /** Stored as its wire word ({@code missing_on_platform}). */
  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<ReconciliationKind> {
    public Column() {
      super(ReconciliationKind.class);
    }
  }
}
