package dev.payplatform.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The console's settings ({@code edge.console.*}, docs/console.md). */
@ConfigMapping(prefix = "edge.console")
public interface ConsoleConfig {
  /** A session ends after this long without a request. */
  @WithDefault("30m")
  Duration idleTimeout();

  /** A session ends this long after sign-in in any case. */
  @WithDefault("12h")
  Duration absoluteTimeout();

  Lockout lockout();

  /** How long an invite's sign-up link works. */
  @WithDefault("7d")
  Duration inviteLifetime();

  /** bcrypt's cost for console passwords (tests lower it: hashing is slow by design). */
  @WithDefault("12")
  int bcryptCost();

  /** Wrong passwords in a row lock an account's sign-in for a while. */
  interface Lockout {
    @WithDefault("5")
    int attempts();

    @WithDefault("15m")
    Duration duration();
  }
}
