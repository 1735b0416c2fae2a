package dev.payplatform.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay (docs/decisions: the outbox and its single relay per service). */
@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {
  /** How long a published row is kept before its retention sweep (OutboxRetention) deletes it. */
  @WithDefault("7d")
  Duration publishedRetention();

  Relay relay();

  interface Relay {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /** The advisory lock whose holder is the service's one relay. */
    @WithDefault("7365746879")
    long lockId();

    /** Attempts at publishing one row before it is parked. */
    @WithDefault("5")
    int maxAttempts();
  }
}
