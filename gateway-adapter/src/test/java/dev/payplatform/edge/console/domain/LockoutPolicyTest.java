package dev.payplatform.edge.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {
  private static final LockoutPolicy FIVE = new LockoutPolicy(5, Duration.ofMinutes(15));
  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

  @Test
  void theFifthAttemptTakesTheLastSlotAndSetsTheLockTheSixthIsRefused() {
    int failures = 0;
    Instant lock = null;
    for (int i = 1; i <= 5; i++) {
      LockoutPolicy.Slot.Taken t = (LockoutPolicy.Slot.Taken) FIVE.take(failures, lock, NOW);
      failures = t.failures();
      lock = t.lockedUntil();
      assertThat(failures).isEqualTo(i);
      assertThat(lock).isEqualTo(i < 5 ? null : NOW.plus(Duration.ofMinutes(15)));
    }
    assertThat(FIVE.take(failures, lock, NOW.plusSeconds(60)))
        .isEqualTo(new LockoutPolicy.Slot.Refused(NOW.plus(Duration.ofMinutes(15))));
  }

  @Test
  void anEndedLockStartsTheCountAgain() {
    Instant ended = NOW.minusSeconds(1);
    assertThat(FIVE.take(5, ended, NOW)).isEqualTo(new LockoutPolicy.Slot.Taken(1, null));
  }
}
