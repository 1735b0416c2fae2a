package dev.payplatform.checkout.domain;

import static dev.payplatform.checkout.domain.IntentStatus.CANCELED;
import static dev.payplatform.checkout.domain.IntentStatus.PROCESSING;
import static dev.payplatform.checkout.domain.IntentStatus.REQUIRES_ACTION;
import static dev.payplatform.checkout.domain.IntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.payplatform.checkout.domain.IntentStatus.SUCCEEDED;
import static dev.payplatform.checkout.domain.IntentStatus.TRANSITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.errors.IllegalTransition;
import dev.payplatform.commons.state.Transitions.Move;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payment intent's transitions: exactly the ones docs/checkout.md draws. */
class IntentTransitionsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void exactlyTheDrawnTransitionsAreAllowed() {
    List<String> allowed = new ArrayList<>();
    for (IntentStatus from : IntentStatus.values()) {
      for (IntentStatus to : IntentStatus.values()) {
        if (TRANSITIONS.allowed(from, to)) {
          allowed.add(from.wire() + " -> " + to.wire());
        }
      }
    }
    assertThat(allowed)
        .containsExactlyInAnyOrder(
            "requires_payment_method -> processing",
            "requires_payment_method -> canceled",
            "processing -> succeeded",
            "processing -> requires_action",
            "processing -> requires_payment_method",
            "processing -> canceled",
            "requires_action -> processing",
            "requires_action -> canceled");
  }

  @Test
  void succeededAndCanceledAreFinal() {
    for (IntentStatus to : IntentStatus.values()) {
      assertThat(TRANSITIONS.allowed(SUCCEEDED, to)).isFalse();
      assertThat(TRANSITIONS.allowed(CANCELED, to)).isFalse();
    }
    assertThat(SUCCEEDED.isTerminal()).isTrue();
    assertThat(CANCELED.isTerminal()).isTrue();
    assertThat(REQUIRES_ACTION.isTerminal()).isFalse();
    assertThat(TRANSITIONS.isFinal(SUCCEEDED)).isTrue();
    assertThat(TRANSITIONS.isFinal(PROCESSING)).isFalse();
  }

  @Test
  void stayingInTheSameStatusIsUnchangedNotIllegal() {
    for (IntentStatus status : IntentStatus.values()) {
      assertThat(TRANSITIONS.check(status, status)).isEqualTo(Move.UNCHANGED);
    }
    assertThat(TRANSITIONS.check(REQUIRES_PAYMENT_METHOD, PROCESSING)).isEqualTo(Move.MOVED);
    assertThat(TRANSITIONS.check(SUCCEEDED, CANCELED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(REQUIRES_ACTION, SUCCEEDED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(CANCELED, PROCESSING)).isEqualTo(Move.ILLEGAL);
  }

  @Test
  void anIllegalMoveIsRefusedAndChangesNothing() {
    PaymentIntent pi = new PaymentIntent();
    pi.id = "pi_test";
    pi.status = REQUIRES_PAYMENT_METHOD;
    Instant now = CLOCK.instant();
    assertThatThrownBy(() -> pi.moveTo(SUCCEEDED, now))
        .isInstanceOf(IllegalTransition.class)
        .hasMessageContaining("payment intent pi_test")
        .hasMessageContaining("requires_payment_method to succeeded");
    assertThat(pi.status).isEqualTo(REQUIRES_PAYMENT_METHOD);
    assertThat(pi.updatedAt).isNull();
    pi.moveTo(PROCESSING, now);
    pi.moveTo(SUCCEEDED, now);
    assertThat(pi.status).isEqualTo(SUCCEEDED);
    assertThat(pi.updatedAt).isEqualTo(now);
  }

  @Test
  void statusesAreStoredAsTheirWireWords() {
    IntentStatus.Column column = new IntentStatus.Column();
    assertThat(column.convertToDatabaseColumn(REQUIRES_PAYMENT_METHOD))
        .isEqualTo("requires_payment_method");
    assertThat(column.convertToEntityAttribute("requires_action")).isEqualTo(REQUIRES_ACTION);
    for (IntentStatus status : IntentStatus.values()) {
      assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(status)))
          .isEqualTo(status);
    }
  }
}
