package dev.payplatform.checkout.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * A payment intent's status, as the API, the events and the database spell it, and every move it
 * may make ({@link #TRANSITIONS}; docs/checkout.md draws it):
 *
 * <pre>
 * requires_payment_method ──confirm──▶ processing ──frictionless──▶ succeeded
 *          ▲                            │   ▲    └──challenge──▶ requires_action
 *          └──────────declined──────────┘   └─complete/fail/re-confirm─┘
 * requires_payment_method | requires_action | processing ──▶ canceled
 *     (too many failed attempts, the session or the checkout link expired)
 * </pre>
 *
 * Succeeded and canceled are final. A decline from {@code processing} goes back to {@code
 * requires_payment_method} (the buyer may retry) or, on the last allowed attempt, to {@code
 * canceled}.
 */
public enum IntentStatus implements WireWord {
  REQUIRES_PAYMENT_METHOD,
  REQUIRES_ACTION,
  PROCESSING,
  SUCCEEDED,
  CANCELED;

  public static final Transitions<IntentStatus> TRANSITIONS =
      Transitions.of("payment intent", IntentStatus.class)
          .allow(REQUIRES_PAYMENT_METHOD, PROCESSING, CANCELED)
          .allow(PROCESSING, SUCCEEDED, REQUIRES_ACTION, REQUIRES_PAYMENT_METHOD, CANCELED)
          .allow(REQUIRES_ACTION, PROCESSING, CANCELED)
          .build();

  /** Succeeded or canceled: no move leaves it. */
  public boolean isTerminal() {
    return TRANSITIONS.isFinal(this);
  }

  /** Stored as its wire word ({@code requires_action}), not the enum name. */
  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<IntentStatus> {
    public Column() {
      super(IntentStatus.class);
    }
  }
}
