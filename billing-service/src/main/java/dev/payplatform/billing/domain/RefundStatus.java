package dev.payplatform.billing.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/** A refund is {@code pending} while checkout runs it, then {@code succeeded} or {@code failed}. */
public enum RefundStatus implements WireWord {
  PENDING,
  SUCCEEDED,
  FAILED;

  public static final Transitions<RefundStatus> TRANSITIONS =
      Transitions.of("refund", RefundStatus.class).allow(PENDING, SUCCEEDED, FAILED).build();

  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<RefundStatus> {
    public Column() {
      super(RefundStatus.class);
    }
  }
}
