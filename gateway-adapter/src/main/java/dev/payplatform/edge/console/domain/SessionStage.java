package dev.payplatform.edge.console.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;

/**
 * How far a console session has signed in. The password starts it at {@link #TWO_FACTOR} for a user
 * with an authenticator, at {@link #ENROL_TWO_FACTOR} when the team requires one the user lacks,
 * else at {@link #SIGNED_IN}. Only a signed-in session acts for the merchant.
 */
public enum SessionStage implements WireWord {
  TWO_FACTOR,
  ENROL_TWO_FACTOR,
  SIGNED_IN;

  public static final Transitions<SessionStage> TRANSITIONS =
      Transitions.of("console session", SessionStage.class)
          .allow(TWO_FACTOR, SIGNED_IN)
          .allow(ENROL_TWO_FACTOR, SIGNED_IN)
          // An owner starts requiring two-factor: members without it enrol before going on.
          .allow(SIGNED_IN, ENROL_TWO_FACTOR)
          .build();

  public static SessionStage of(String word) {
    SessionStage stage = WireWord.parse(SessionStage.class, word);
    return stage == null ? TWO_FACTOR : stage;
  }
}
