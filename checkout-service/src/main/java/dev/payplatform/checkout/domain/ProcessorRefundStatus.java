package dev.payplatform.checkout.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * A refund's status. {@code pending} exists only in memory while the processor is asked: a refund
 * is stored once, with the processor's answer ({@code succeeded} or {@code failed}), both final.
 */
public enum ProcessorRefundStatus implements WireWord {
  PENDING,
  SUCCEEDED,
  FAILED;

  public static final Transitions<ProcessorRefundStatus> TRANSITIONS =
      Transitions.of("refund", ProcessorRefundStatus.class)
          .allow(PENDING, SUCCEEDED, FAILED)
          .build();

  /** Stored as its wire word ({@code succeeded}). */
  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<ProcessorRefundStatus> {
    public Column() {
      super(ProcessorRefundStatus.class);
    }
  }
}
