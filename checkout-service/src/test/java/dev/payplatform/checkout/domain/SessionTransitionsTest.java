package dev.payplatform.checkout.domain;

import static dev.payplatform.checkout.domain.SessionStatus.COMPLETE;
import static dev.payplatform.checkout.domain.SessionStatus.EXPIRED;
import static dev.payplatform.checkout.domain.SessionStatus.OPEN;
import static dev.payplatform.checkout.domain.SessionStatus.TRANSITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.errors.IllegalTransition;
import dev.payplatform.commons.state.Transitions.Move;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A checkout session's moves: open to complete or expired; an expired one may still be paid. */
class SessionTransitionsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void exactlyTheseMovesAreAllowed() {
    List<String> allowed = new ArrayList<>();
    for (SessionStatus from : SessionStatus.values()) {
      for (SessionStatus to : SessionStatus.values()) {
        if (TRANSITIONS.allowed(from, to)) {
          allowed.add(from.wire() + " -> " + to.wire());
        }
      }
    }
    assertThat(allowed)
        .containsExactlyInAnyOrder(
            "open -> complete",
            "open -> expired",
            // A confirmation at the processor when the session expired completes it afterwards.
            "expired -> complete");
  }

  @Test
  void completeIsFinalAndRepeatingAStatusIsUnchanged() {
    assertThat(TRANSITIONS.isFinal(COMPLETE)).isTrue();
    assertThat(TRANSITIONS.isFinal(OPEN)).isFalse();
    assertThat(TRANSITIONS.check(COMPLETE, OPEN)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(COMPLETE, EXPIRED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(EXPIRED, OPEN)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(OPEN, OPEN)).isEqualTo(Move.UNCHANGED);
    assertThat(TRANSITIONS.check(EXPIRED, EXPIRED)).isEqualTo(Move.UNCHANGED);
  }

  @Test
  void completingAndExpiringGoThroughTheTableAndStampTheTime() {
    CheckoutSession s = new CheckoutSession();
    s.id = "sess_test";
    s.status = OPEN;
    s.expire(NOW);
    assertThat(s.status).isEqualTo(EXPIRED);
    assertThat(s.expiredAt).isEqualTo(NOW);
    s.complete(NOW.plusSeconds(5));
    assertThat(s.status).isEqualTo(COMPLETE);
    assertThat(s.completedAt).isEqualTo(NOW.plusSeconds(5));
    assertThatThrownBy(() -> s.expire(NOW))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage("checkout session sess_test cannot go from complete to expired");
    assertThat(s.status).isEqualTo(COMPLETE);
  }

  @Test
  void statusesAreStoredAsTheWordsTheColumnAlwaysHeld() {
    SessionStatus.Column column = new SessionStatus.Column();
    assertThat(column.convertToDatabaseColumn(OPEN)).isEqualTo("open");
    assertThat(column.convertToDatabaseColumn(COMPLETE)).isEqualTo("complete");
    assertThat(column.convertToDatabaseColumn(EXPIRED)).isEqualTo("expired");
    assertThat(column.convertToEntityAttribute("expired")).isEqualTo(EXPIRED);
  }
}
