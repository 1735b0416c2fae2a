package dev.payplatform.checkout.domain.reconciliation;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * An item's status: {@code matched} (nothing to do, final), or a difference that is {@code open}
 * until an operator {@code resolved} it with a note.
 */
public enum ReconciliationItemStatus implements WireWord {
  MATCHED,
  OPEN,
  RESOLVED;

  public static final Transitions<ReconciliationItemStatus> TRANSITIONS =
      Transitions.of("reconciliation item", ReconciliationItemStatus.class)
          .allow(OPEN, RESOLVED)
          .build();

  public static ReconciliationItemStatus of(ReconciliationKind kind) {
    return kind.difference() ? OPEN : MATCHED;
  }

  /** Stored as its wire word. */
  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<ReconciliationItemStatus> {
    public Column() {
      super(ReconciliationItemStatus.class);
    }
  }
}
