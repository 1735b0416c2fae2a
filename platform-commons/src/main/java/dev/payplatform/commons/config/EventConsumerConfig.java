package dev.payplatform.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the consumer mechanism retries an event and where it dead-letters it. */
@ConfigMapping(prefix = "platform.consumer")
public interface EventConsumerConfig {
  /** Attempts at one event before it is dead-lettered. */
  @WithDefault("5")
  int maxAttempts();

  Backoff backoff();

  /** Prepended to {@code <topic>.dlq} (tests keep their dead letters apart); none by default. */
  Optional<String> deadLetterTopicPrefix();

  interface Backoff {
    @WithDefault("200ms")
    Duration initial();

    @WithDefault("5s")
    Duration max();
  }
}
