package dev.payplatform.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.time.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * checkout's time-based decisions on a fixed clock: when a session reads as expired, when a
 * checkout link's intent has expired, when a processing intent is overdue for reconciliation, and
 * the times status changes stamp.
 */
class CheckoutTimeRulesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00.123456789Z"), ZoneOffset.UTC);
  private static final Instant NOW = Timestamps.now(CLOCK);
  private static final Duration TTL = Duration.ofHours(24);

  @Test
  void aNewSessionIsOpenForItsLifetimeAndExpiredFromItsLastInstantOn() {
    CheckoutSession s = new CheckoutSession();
    s.open(NOW, TTL);
    assertThat(s.createdAt).isEqualTo(NOW);
    assertThat(s.expiresAt).isEqualTo(NOW.plus(TTL));
    assertThat(s.effectiveStatus(NOW)).isEqualTo(SessionStatus.OPEN);
    assertThat(s.effectiveStatus(s.expiresAt.minusNanos(1000))).isEqualTo(SessionStatus.OPEN);
    assertThat(s.effectiveStatus(s.expiresAt)).isEqualTo(SessionStatus.EXPIRED);
    assertThat(s.status).as("a read never changes the row").isEqualTo(SessionStatus.OPEN);
  }

  @Test
  void aSessionPastItsExpiryCannotBePaidButAPaidOneStaysComplete() {
    CheckoutSession s = new CheckoutSession();
    s.id = "sess_test";
    s.open(NOW, TTL);
    s.requireOpen(NOW);
    assertThatThrownBy(() -> s.requireOpen(NOW.plus(TTL)))
        .isInstanceOf(SessionExpired.class)
        .hasMessage("This checkout session has expired or was closed.");
    s.complete(NOW.plusSeconds(1));
    assertThat(s.effectiveStatus(NOW.plus(TTL).plus(TTL))).isEqualTo(SessionStatus.COMPLETE);
    assertThatThrownBy(() -> s.requireOpen(NOW.plus(TTL)))
        .isInstanceOf(SessionAlreadyComplete.class);
  }

  @Test
  void anExpiredSessionReadsExpiredWhateverTheClock() {
    CheckoutSession s = new CheckoutSession();
    s.id = "sess_test";
    s.open(NOW, TTL);
    s.expire(NOW.plusSeconds(60));
    assertThat(s.expiredAt).isEqualTo(NOW.plusSeconds(60));
    assertThat(s.effectiveStatus(NOW)).isEqualTo(SessionStatus.EXPIRED);
  }

  @Test
  void aCheckoutLinkIntentHasExpiredFromItsTokensExpiryOn() {
    PaymentIntent pi = intent();
    assertThat(pi.hasExpired(NOW.plus(TTL.multipliedBy(365))))
        .as("a session's intent carries no expiry of its own")
        .isFalse();
    pi.expiresAt = NOW.plusSeconds(3600);
    assertThat(pi.hasExpired(NOW)).isFalse();
    assertThat(pi.hasExpired(pi.expiresAt.minusNanos(1000))).isFalse();
    assertThat(pi.hasExpired(pi.expiresAt)).isTrue();
  }

  @Test
  void processingIsOverdueForAnIntentProcessingSinceBeforeTheDeadline() {
    Duration deadline = Duration.ofMinutes(2);
    Instant cutoff = PaymentIntent.processingOverdueBefore(NOW, deadline);
    assertThat(cutoff).isEqualTo(NOW.minus(deadline));

    PaymentIntent pi = intent();
    pi.startProcessing("att_1", NOW.minus(deadline));
    assertThat(pi.processingSince)
        .as("exactly at the deadline the call may still be under way")
        .isEqualTo(cutoff);
    assertThat(pi.processingSince.isBefore(cutoff)).isFalse();
    assertThat(
            pi.processingSince.isBefore(
                PaymentIntent.processingOverdueBefore(NOW.plusNanos(1000), deadline)))
        .isTrue();
  }

  @Test
  void statusChangesStampTheInstantTheyAreGiven() {
    PaymentIntent pi = intent();
    assertThat(pi.createdAt).isEqualTo(NOW);
    assertThat(pi.updatedAt).isEqualTo(NOW);
    Instant later = NOW.plusSeconds(30);
    pi.startProcessing("att_1", later);
    assertThat(pi.status).isEqualTo(IntentStatus.PROCESSING);
    assertThat(pi.processorReference).isEqualTo("att_1");
    assertThat(pi.processingSince).isEqualTo(later);
    assertThat(pi.updatedAt).isEqualTo(later);

    Instant canceled = later.plusSeconds(30);
    pi.challengeTokenHash = "hash";
    pi.cancel(PaymentIntent.CANCELED_EXPIRED, canceled);
    assertThat(pi.status).isEqualTo(IntentStatus.CANCELED);
    assertThat(pi.canceledAt).isEqualTo(canceled);
    assertThat(pi.cancellationReason).isEqualTo("expired");
    assertThat(pi.challengeTokenHash).isNull();
    assertThatThrownBy(pi::requireOpen)
        .isInstanceOf(IntentCanceled.class)
        .hasMessage("This payment was canceled because its checkout link expired.");
  }

  @Test
  void timestampsKeepTheDatabasesPrecision() {
    assertThat(NOW).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
  }

  private static PaymentIntent intent() {
    return PaymentIntent.open(
        "mer_1", false, PaymentIntent.PURPOSE_PAYMENT, "ref", "pay_1", 1500, "USD", NOW);
  }
}
