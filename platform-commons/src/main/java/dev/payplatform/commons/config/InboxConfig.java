package dev.payplatform.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The consumers' inbox of handled event ids. */
@ConfigMapping(prefix = "platform.inbox")
public interface InboxConfig {
  /** How long a handled event id is remembered (longer than any redelivery). */
  @WithDefault("30d")
  Duration retention();
}
