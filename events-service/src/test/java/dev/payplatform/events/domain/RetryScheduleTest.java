package dev.payplatform.events.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private static final List<Duration> SHIPPED =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10),
          Duration.ofHours(10),
          Duration.ofHours(10),
          Duration.ofHours(10),
          Duration.ofHours(10),
          Duration.ofHours(10));
  private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

  @Test
  void theShippedScheduleRetriesForMoreThan72Hours() {
    RetrySchedule s = new RetrySchedule(SHIPPED);
    assertThat(s.span()).isGreaterThan(Duration.ofHours(72));
    assertThat(s.maxAttempts()).isEqualTo(13);
  }

  @Test
  void delaysFollowTheScheduleWithinTwentyPercentJitter() {
    RetrySchedule s = new RetrySchedule(SHIPPED);
    assertThat(s.next(1, NOW, null, () -> 0.0)).isEqualTo(NOW.plusSeconds(4));
    assertThat(s.next(1, NOW, null, () -> 0.5)).isEqualTo(NOW.plusSeconds(5));
    assertThat(s.next(2, NOW, null, () -> 0.999999))
        .isBetween(NOW.plusSeconds(359), NOW.plusSeconds(360));
  }

  @Test
  void afterTheLastAttemptThereIsNoNext() {
    RetrySchedule s = new RetrySchedule(SHIPPED);
    assertThat(s.next(12, NOW, null, () -> 0.5)).isNotNull();
    assertThat(s.next(13, NOW, null, () -> 0.5)).isNull();
  }

  @Test
  void retryAfterReplacesTheDelayBetweenASecondAndADay() {
    RetrySchedule s = new RetrySchedule(SHIPPED);
    assertThat(s.next(3, NOW, Duration.ofSeconds(7), () -> 0.5)).isEqualTo(NOW.plusSeconds(7));
    assertThat(s.next(3, NOW, Duration.ZERO, () -> 0.5)).isEqualTo(NOW.plusSeconds(1));
    assertThat(s.next(3, NOW, Duration.ofDays(9), () -> 0.5))
        .isEqualTo(NOW.plus(Duration.ofDays(1)));
  }
}
