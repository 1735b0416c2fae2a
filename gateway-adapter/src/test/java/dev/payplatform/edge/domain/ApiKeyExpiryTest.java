package dev.payplatform.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When a rolled key stops working, and what the operator API calls it then. */
class ApiKeyExpiryTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

  @Test
  void anActiveKeyNeverExpires() {
    ApiKey key = key(ApiKey.ACTIVE, null);

    assertThat(key.hasExpiredAt(CLOCK.instant())).isFalse();
    assertThat(key.statusAt(CLOCK.instant())).isEqualTo("active");
  }

  @Test
  void aRolledKeyWorksUntilItsGraceEnds() {
    ApiKey key = key(ApiKey.ROLLED, CLOCK.instant().plus(Duration.ofHours(1)));

    assertThat(key.hasExpiredAt(CLOCK.instant())).isFalse();
    assertThat(key.statusAt(CLOCK.instant())).isEqualTo("rolled");
  }

  @Test
  void aRolledKeyIsExpiredFromTheFirstInstantOfItsEnd() {
    ApiKey key = key(ApiKey.ROLLED, CLOCK.instant());

    assertThat(key.hasExpiredAt(CLOCK.instant())).isTrue();
    assertThat(key.statusAt(CLOCK.instant())).isEqualTo("expired");
    assertThat(key.hasExpiredAt(CLOCK.instant().minusNanos(1))).isFalse();
  }

  @Test
  void aRevokedKeyReadsRevokedEvenPastItsGrace() {
    ApiKey key = key(ApiKey.REVOKED, CLOCK.instant().minus(Duration.ofDays(1)));

    assertThat(key.statusAt(CLOCK.instant())).isEqualTo("revoked");
  }

  private static ApiKey key(String status, Instant expiresAt) {
    ApiKey key = new ApiKey();
    key.id = "key_1";
    key.status = status;
    key.expiresAt = expiresAt;
    return key;
  }
}
