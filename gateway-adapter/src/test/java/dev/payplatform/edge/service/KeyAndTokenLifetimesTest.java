package dev.payplatform.edge.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.commons.auth.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How long a cached principal and a cached internal token are used, on a fixed clock. */
class KeyAndTokenLifetimesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

  @Test
  void aPrincipalWithoutAnEndIsAlwaysUsable() {
    assertThat(principal(null).usableAt(CLOCK.instant())).isTrue();
  }

  @Test
  void aRolledKeysPrincipalStopsAtTheEndOfItsGrace() {
    Instant end = CLOCK.instant().plusSeconds(30);

    assertThat(principal(end).usableAt(CLOCK.instant())).isTrue();
    assertThat(principal(end).usableAt(end)).isFalse();
  }

  @Test
  void aCachedTokenIsReusedUntilRefreshBeforeAheadOfItsExpiry() {
    Instant now = CLOCK.instant();
    Duration refreshBefore = Duration.ofSeconds(60);

    assertThat(new InternalTokens.Minted("t", now.plusSeconds(61)).freshAt(now, refreshBefore))
        .isTrue();
    assertThat(new InternalTokens.Minted("t", now.plusSeconds(60)).freshAt(now, refreshBefore))
        .as("exactly refresh-before ahead: minted anew")
        .isFalse();
    assertThat(new InternalTokens.Minted("t", now.minusSeconds(1)).freshAt(now, refreshBefore))
        .isFalse();
  }

  private static KeyPrincipal principal(Instant expiresAt) {
    return new KeyPrincipal("key_1", "mer_1", Mode.TEST, "Shop", null, null, expiresAt);
  }
}
