package dev.payplatform.checkout.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * A refund's status. {@code pending} exists only in memory while the processor is asked: a refund
 * is stored once, with the processor's answer ({@code succeeded} or {@code failed}), both final.
 */
public enum RefundStatus implements WireWord {
  PENDING,
  SUCCEEDED,
  FAILED;

  public static final Transitions<RefundStatus> TRANSITIONS =
      Transitions.of("refund", RefundStatus.class).allow(PENDING, SUCCEEDED, FAILED).build();

  /** Stored as its wire word ({@code succeeded}). */
  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<RefundStatus> {
    public Column() {
      super(RefundStatus.class);
    }
  }
}
