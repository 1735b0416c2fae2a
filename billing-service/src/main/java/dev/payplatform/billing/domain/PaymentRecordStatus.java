package dev.payplatform.billing.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;
import java.util.Set;

/**
 * A payment's public status as billing's read model keeps it. Statuses only move forward, so a
 * stale event never takes a refunded payment back to completed: the read model's upsert applies
 * this order in SQL ({@code payment_status_rank} in the billing schema), and {@link #TRANSITIONS}
 * declares the same moves (a move to an equal or higher rank; a further partial refund stays).
 */
public enum PaymentRecordStatus implements WireWord {
  PENDING(0),
  REQUIRES_ACTION(1),
  COMPLETED(2),
  FAILED(2),
  CANCELED(2),
  PARTIALLY_REFUNDED(3),
  REFUNDED(4);

  /** The rank {@code payment_status_rank} gives the word. */
  public final int rank;

  PaymentRecordStatus(int rank) {
    this.rank = rank;
  }

  public static final Transitions<PaymentRecordStatus> TRANSITIONS =
      Transitions.of("payment", PaymentRecordStatus.class)
          .allow(
              PENDING, REQUIRES_ACTION, COMPLETED, FAILED, CANCELED, PARTIALLY_REFUNDED, REFUNDED)
          .allow(REQUIRES_ACTION, COMPLETED, FAILED, CANCELED, PARTIALLY_REFUNDED, REFUNDED)
          .allow(COMPLETED, FAILED, CANCELED, PARTIALLY_REFUNDED, REFUNDED)
          .allow(FAILED, COMPLETED, CANCELED, PARTIALLY_REFUNDED, REFUNDED)
          .allow(CANCELED, COMPLETED, FAILED, PARTIALLY_REFUNDED, REFUNDED)
          .allow(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, REFUNDED)
          .build();

  /** Statuses a refund may start from. */
  public static final Set<PaymentRecordStatus> REFUNDABLE = Set.of(COMPLETED, PARTIALLY_REFUNDED);

  /**
   * The status an event's word stands for: payments' internal "succeeded" means "completed"; null
   * for a word that is none of the public statuses.
   */
  public static PaymentRecordStatus fromEvent(String word) {
    return WireWord.parse(PaymentRecordStatus.class, "succeeded".equals(word) ? "completed" : word);
  }

  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<PaymentRecordStatus> {
    public Column() {
      super(PaymentRecordStatus.class);
    }
  }
}
