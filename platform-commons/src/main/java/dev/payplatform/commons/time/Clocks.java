package dev.payplatform.commons.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock every bean injects (UTC), as {@code Clock} or {@code InstantSource}: domain code takes
 * the time from it, never from {@code Instant.now()}, so lifecycle rules get plain unit tests with
 * a fixed clock. A test or a service may replace it with its own bean.
 */
public class Clocks {
  @Produces
  @Singleton
  @DefaultBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
