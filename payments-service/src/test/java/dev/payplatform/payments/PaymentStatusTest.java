package dev.payplatform.payments;

import static dev.payplatform.payments.domain.PaymentStatus.CANCELED;
import static dev.payplatform.payments.domain.PaymentStatus.COMPLETED;
import static dev.payplatform.payments.domain.PaymentStatus.FAILED;
import static dev.payplatform.payments.domain.PaymentStatus.PARTIALLY_REFUNDED;
import static dev.payplatform.payments.domain.PaymentStatus.PENDING;
import static dev.payplatform.payments.domain.PaymentStatus.REFUNDED;
import static dev.payplatform.payments.domain.PaymentStatus.REQUIRES_ACTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.payments.domain.PaymentStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The payment state machine exactly as docs/payments.md draws it: nothing more is legal. */
class PaymentStatusTest {
  private static final Map<PaymentStatus, Set<PaymentStatus>> DOCUMENTED =
      Map.of(
          PENDING, EnumSet.of(REQUIRES_ACTION, COMPLETED, FAILED, CANCELED),
          REQUIRES_ACTION, EnumSet.of(COMPLETED, FAILED, CANCELED),
          FAILED, EnumSet.of(COMPLETED, REQUIRES_ACTION, CANCELED),
          COMPLETED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
          PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
          // A late success: the card was charged after the payment was given up.
          CANCELED, EnumSet.of(COMPLETED),
          REFUNDED, EnumSet.noneOf(PaymentStatus.class));

  @Test
  void everyPairIsLegalExactlyWhenDocumented() {
    for (PaymentStatus from : PaymentStatus.values()) {
      for (PaymentStatus to : PaymentStatus.values()) {
        assertThat(PaymentStatus.TRANSITIONS.allowed(from, to))
            .as("%s -> %s", from, to)
            .isEqualTo(DOCUMENTED.get(from).contains(to));
      }
    }
  }

  @Test
  void aCompletedPaymentIsNeverUndoneByALateAttempt() {
    assertThat(PaymentStatus.TRANSITIONS.allowed(COMPLETED, FAILED)).isFalse();
    assertThat(PaymentStatus.TRANSITIONS.allowed(COMPLETED, REQUIRES_ACTION)).isFalse();
    assertThat(PaymentStatus.TRANSITIONS.allowed(COMPLETED, PENDING)).isFalse();
    assertThat(PaymentStatus.TRANSITIONS.isFinal(REFUNDED)).isTrue();
    assertThat(PaymentStatus.TRANSITIONS.allowed(CANCELED, COMPLETED)).isTrue();
  }

  @Test
  void wordsOfThePublicApiAndTheInternalListing() {
    assertThat(COMPLETED.publicWord()).isEqualTo("completed");
    assertThat(COMPLETED.internalWord()).isEqualTo("succeeded");
    assertThat(REQUIRES_ACTION.publicWord()).isEqualTo("requires_action");
    assertThat(PARTIALLY_REFUNDED.internalWord()).isEqualTo("partially_refunded");
    assertThat(PaymentStatus.fromWord("succeeded")).contains(COMPLETED);
    assertThat(PaymentStatus.fromWord("completed")).contains(COMPLETED);
    assertThat(PaymentStatus.fromWord("paid")).isEmpty();
    assertThat(PaymentStatus.fromWord(null)).isEmpty();
  }
}
