package dev.payplatform.checkout.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * A checkout session's status: {@code open} until paid ({@code complete}) or past its expiry
 * ({@code expired}). An expired session may still become complete: an intent that was in the middle
 * of a processor call when the session expired is left to finish, and its success completes the
 * session.
 */
public enum SessionStatus implements WireWord {
  OPEN,
  COMPLETE,
  EXPIRED;

  public static final Transitions<SessionStatus> TRANSITIONS =
      Transitions.of("checkout session", SessionStatus.class)
          .allow(OPEN, COMPLETE, EXPIRED)
          .allow(EXPIRED, COMPLETE)
          .build();

  /** Stored as its wire word ({@code open}). */
  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<SessionStatus> {
    public Column() {
      super(SessionStatus.class);
    }
  }
}
