package dev.payplatform.checkout.domain;

import static dev.payplatform.checkout.domain.IntentStatus.CANCELED;
import static dev.payplatform.checkout.domain.IntentStatus.PROCESSING;
import static dev.payplatform.checkout.domain.IntentStatus.REQUIRES_ACTION;
import static dev.payplatform.checkout.domain.IntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.payplatform.checkout.domain.IntentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payment intent's transitions: exactly the ones docs/checkout.md draws. */
class IntentStateMachineTest {

  @Test
  void exactlyTheDrawnTransitionsAreAllowed() {
    List<String> allowed = new ArrayList<>();
    for (IntentStatus from : IntentStatus.values()) {
      for (IntentStatus to : IntentStatus.values()) {
        if (IntentStateMachine.allowed(from, to)) {
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
      assertThat(IntentStateMachine.allowed(SUCCEEDED, to)).isFalse();
      assertThat(IntentStateMachine.allowed(CANCELED, to)).isFalse();
    }
    assertThat(SUCCEEDED.isTerminal()).isTrue();
    assertThat(CANCELED.isTerminal()).isTrue();
    assertThat(REQUIRES_ACTION.isTerminal()).isFalse();
  }

  @Test
  void anIllegalMoveIsRefusedAndChangesNothing() {
    PaymentIntent pi = new PaymentIntent();
    pi.id = "pi_test";
    pi.status = REQUIRES_PAYMENT_METHOD;
    assertThatThrownBy(() -> pi.moveTo(SUCCEEDED))
        .isInstanceOf(IntentStateMachine.IllegalTransitionException.class)
        .hasMessageContaining("requires_payment_method to succeeded");
    assertThat(pi.status).isEqualTo(REQUIRES_PAYMENT_METHOD);
    pi.moveTo(PROCESSING);
    pi.moveTo(SUCCEEDED);
    assertThat(pi.status).isEqualTo(SUCCEEDED);
    assertThat(pi.updatedAt).isNotNull();
  }

  @Test
  void statusesAreStoredAsTheirWireWords() {
    IntentStatus.Column column = new IntentStatus.Column();
    assertThat(column.convertToDatabaseColumn(REQUIRES_PAYMENT_METHOD))
        .isEqualTo("requires_payment_method");
    assertThat(column.convertToEntityAttribute("requires_action")).isEqualTo(REQUIRES_ACTION);
  }
}
