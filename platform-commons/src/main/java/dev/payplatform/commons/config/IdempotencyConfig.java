package dev.payplatform.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The services' own idempotent requests (the edge's records are the edge's). */
@ConfigMapping(prefix = "platform.idempotency")
public interface IdempotencyConfig {
  /** How long a claimed request stays in flight before a retry may run it again. */
  @WithDefault("2m")
  Duration inFlightLease();

  /** How long a finished request's answer is kept for replay. */
  @WithDefault("72h")
  Duration retention();
}
