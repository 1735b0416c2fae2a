package dev.payplatform.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When the expiry sweep gives up a hosted payment nobody started to pay. */
class HostedPaymentCutoffTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

  @Test
  void linksThatExpiredMoreThanTheGraceAgoAreDue() {
    HostedPaymentCutoff expiry = new HostedPaymentCutoff(Duration.ofMinutes(10));

    assertThat(expiry.dueAtOrBefore(CLOCK.instant()))
        .isEqualTo(Instant.parse("2026-03-01T10:05:30Z"));
  }

  @Test
  void aLinkThatExpiredAMinuteAgoIsStillWithinTheGrace() {
    HostedPaymentCutoff expiry = new HostedPaymentCutoff(Duration.ofMinutes(10));
    Instant expiredAMinuteAgo = CLOCK.instant().minus(Duration.ofMinutes(1));

    assertThat(expiredAMinuteAgo).isAfter(expiry.dueAtOrBefore(CLOCK.instant()));
  }
}
