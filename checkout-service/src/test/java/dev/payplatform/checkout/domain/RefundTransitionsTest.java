package dev.payplatform.checkout.domain;

import static dev.payplatform.checkout.domain.ProcessorRefundStatus.FAILED;
import static dev.payplatform.checkout.domain.ProcessorRefundStatus.PENDING;
import static dev.payplatform.checkout.domain.ProcessorRefundStatus.SUCCEEDED;
import static dev.payplatform.checkout.domain.ProcessorRefundStatus.TRANSITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.errors.IllegalTransition;
import dev.payplatform.commons.state.Transitions.Move;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refund is pending only until the processor answers; succeeded and failed are final. */
class RefundTransitionsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aPendingRefundEndsSucceededOrFailedAndNothingElseMoves() {
    List<String> allowed = new ArrayList<>();
    for (ProcessorRefundStatus from : ProcessorRefundStatus.values()) {
      for (ProcessorRefundStatus to : ProcessorRefundStatus.values()) {
        if (TRANSITIONS.allowed(from, to)) {
          allowed.add(from.wire() + " -> " + to.wire());
        }
      }
    }
    assertThat(allowed).containsExactlyInAnyOrder("pending -> succeeded", "pending -> failed");
    assertThat(TRANSITIONS.isFinal(SUCCEEDED)).isTrue();
    assertThat(TRANSITIONS.isFinal(FAILED)).isTrue();
    assertThat(TRANSITIONS.check(SUCCEEDED, FAILED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(FAILED, PENDING)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(SUCCEEDED, SUCCEEDED)).isEqualTo(Move.UNCHANGED);
  }

  @Test
  void aRequestedRefundIsPendingUntilTheProcessorAnswers() {
    ProcessorRefund r = ProcessorRefund.requested("re_1", "mer_1", false, "pay_1", 500, "USD", NOW);
    assertThat(r.status).isEqualTo(PENDING);
    assertThat(r.createdAt).isEqualTo(NOW);
    r.succeed("rf_1");
    assertThat(r.status).isEqualTo(SUCCEEDED);
    assertThat(r.processorRef).isEqualTo("rf_1");
    assertThatThrownBy(() -> r.fail("late"))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage("refund re_1 cannot go from succeeded to failed");
    assertThat(r.failureReason).isNull();

    ProcessorRefund declined =
        ProcessorRefund.requested("re_2", "mer_1", false, "pay_1", 500, "USD", NOW);
    declined.fail("currency_mismatch");
    assertThat(declined.status).isEqualTo(FAILED);
    assertThat(declined.failureReason).isEqualTo("currency_mismatch");
  }

  @Test
  void storedRefundsKeepTheirWords() {
    ProcessorRefundStatus.Column column = new ProcessorRefundStatus.Column();
    assertThat(column.convertToDatabaseColumn(SUCCEEDED)).isEqualTo("succeeded");
    assertThat(column.convertToDatabaseColumn(FAILED)).isEqualTo("failed");
    assertThat(column.convertToEntityAttribute("failed")).isEqualTo(FAILED);
  }
}
