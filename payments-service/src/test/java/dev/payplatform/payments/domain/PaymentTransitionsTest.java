package dev.payplatform.payments.domain;

import static dev.payplatform.payments.domain.PaymentStatus.CANCELED;
import static dev.payplatform.payments.domain.PaymentStatus.COMPLETED;
import static dev.payplatform.payments.domain.PaymentStatus.FAILED;
import static dev.payplatform.payments.domain.PaymentStatus.PARTIALLY_REFUNDED;
import static dev.payplatform.payments.domain.PaymentStatus.PENDING;
import static dev.payplatform.payments.domain.PaymentStatus.REFUNDED;
import static dev.payplatform.payments.domain.PaymentStatus.REQUIRES_ACTION;
import static dev.payplatform.payments.domain.PaymentStatus.TRANSITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.errors.IllegalTransition;
import dev.payplatform.commons.state.Transitions.Move;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The payment transition table as checkout's events meet it: every legal move, the duplicates
 * ({@code UNCHANGED}) and late events ({@code ILLEGAL}) that are logged and ignored, the final
 * states, and what a move does to the row.
 */
class PaymentTransitionsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:15:30.123456Z"), ZoneOffset.UTC);

  @Test
  void everyLegalMoveIsMoved() {
    assertMoved(PENDING, REQUIRES_ACTION, COMPLETED, FAILED, CANCELED);
    assertMoved(REQUIRES_ACTION, COMPLETED, FAILED, CANCELED);
    assertMoved(FAILED, COMPLETED, REQUIRES_ACTION, CANCELED);
    assertMoved(COMPLETED, PARTIALLY_REFUNDED, REFUNDED);
    assertMoved(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, REFUNDED);
    assertMoved(CANCELED, COMPLETED);
  }

  @Test
  void aFurtherPartialRefundIsAMoveNotADuplicate() {
    assertThat(TRANSITIONS.check(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED)).isEqualTo(Move.MOVED);
  }

  @Test
  void aRedeliveredOutcomeIsUnchanged() {
    for (PaymentStatus status : EnumSet.complementOf(EnumSet.of(PARTIALLY_REFUNDED))) {
      assertThat(TRANSITIONS.check(status, status))
          .as("%s again", status)
          .isEqualTo(Move.UNCHANGED);
    }
  }

  @Test
  void lateEventsAreIllegal() {
    assertThat(TRANSITIONS.check(COMPLETED, FAILED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(COMPLETED, CANCELED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(REQUIRES_ACTION, PENDING)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(PENDING, REFUNDED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(PARTIALLY_REFUNDED, COMPLETED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(REFUNDED, PARTIALLY_REFUNDED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(CANCELED, FAILED)).isEqualTo(Move.ILLEGAL);
    assertThat(TRANSITIONS.check(CANCELED, REQUIRES_ACTION)).isEqualTo(Move.ILLEGAL);
  }

  @Test
  void onlyRefundedIsFinalACanceledPaymentCanStillRecordALateSuccess() {
    for (PaymentStatus status : PaymentStatus.values()) {
      assertThat(TRANSITIONS.isFinal(status)).as("%s", status).isEqualTo(status == REFUNDED);
    }
  }

  @Test
  void anIllegalMoveNamesThePaymentAndBothWords() {
    assertThatThrownBy(() -> TRANSITIONS.move("pay_1", COMPLETED, REQUIRES_ACTION))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage("payment pay_1 cannot go from completed to requires_action");
  }

  @Test
  void aMoveStampsTheRowWithTheClocksNow() {
    Payment p = payment(PENDING);
    Instant now = CLOCK.instant();

    assertThat(p.moveTo(COMPLETED, now)).isEqualTo(Move.MOVED);

    assertThat(p.status).isEqualTo(COMPLETED);
    assertThat(p.updatedAt).isEqualTo(now);
  }

  @Test
  void aDuplicateOrLateEventLeavesTheRowUntouched() {
    Payment completed = payment(COMPLETED);

    assertThat(completed.moveTo(COMPLETED, CLOCK.instant())).isEqualTo(Move.UNCHANGED);
    assertThat(completed.moveTo(FAILED, CLOCK.instant())).isEqualTo(Move.ILLEGAL);

    assertThat(completed.status).isEqualTo(COMPLETED);
    assertThat(completed.updatedAt).isEqualTo(Instant.EPOCH);
  }

  @Test
  void storedAndPublicWordsAreTheLowerCaseNames() {
    PaymentStatus.Column column = new PaymentStatus.Column();
    for (PaymentStatus status : PaymentStatus.values()) {
      String word = column.convertToDatabaseColumn(status);
      assertThat(word).isEqualTo(status.name().toLowerCase(java.util.Locale.ROOT));
      assertThat(word).isEqualTo(status.publicWord());
      assertThat(column.convertToEntityAttribute(word)).isEqualTo(status);
    }
    assertThat(COMPLETED.internalWord()).isEqualTo("succeeded");
  }

  private static void assertMoved(PaymentStatus from, PaymentStatus... targets) {
    for (PaymentStatus to : targets) {
      assertThat(TRANSITIONS.check(from, to)).as("%s -> %s", from, to).isEqualTo(Move.MOVED);
      assertThat(TRANSITIONS.move("pay_1", from, to)).isEqualTo(to);
    }
    assertThat(TRANSITIONS.successors(from)).containsExactlyInAnyOrder(targets);
  }

  private static Payment payment(PaymentStatus status) {
    Payment p = new Payment();
    p.id = "pay_1";
    p.status = status;
    p.updatedAt = Instant.EPOCH;
    return p;
  }
}
