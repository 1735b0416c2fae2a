package dev.payplatform.billing.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * An invoice is {@code open} until paid ({@code paid}), abandoned ({@code void}: the subscription
 * ended first) or given up on after the last retry ({@code uncollectible}); all three are final.
 */
public enum InvoiceStatus implements WireWord {
  OPEN,
  PAID,
  VOID,
  UNCOLLECTIBLE;

  public static final Transitions<InvoiceStatus> TRANSITIONS =
      Transitions.of("invoice", InvoiceStatus.class).allow(OPEN, PAID, VOID, UNCOLLECTIBLE).build();

  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<InvoiceStatus> {
    public Column() {
      super(InvoiceStatus.class);
    }
  }
}
