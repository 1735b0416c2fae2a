package dev.payplatform.events.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * events-service's settings ({@code events.*}, application.properties, documented in
 * docs/webhooks.md); every property under the prefix is declared here.
 */
@ConfigMapping(prefix = "events")
public interface EventsConfig {
  Log log();

  Webhooks webhooks();

  Retention retention();

  interface Retention {
    /**
     * How long an event, its deliveries and their attempts are kept (Stripe keeps 30 days); an
     * event with a delivery still being retried waits for it.
     */
    @WithDefault("30d")
    Duration events();
  }

  interface Log {
    /**
     * How far back a partition without a committed offset starts (BackfillStart); none: earliest.
     */
    Optional<Duration> backfill();
  }

  interface Webhooks {
    /** The waits before each retry ({@link dev.payplatform.events.domain.RetrySchedule}). */
    List<Duration> retrySchedule();

    /** An endpoint failing every attempt for this long is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** How long one attempt may take. */
    @WithDefault("15s")
    Duration timeout();

    /** How long a leased delivery stays an attempt's; longer than {@link #timeout()}. */
    @WithDefault("30s")
    Duration lease();

    /** Attempts in flight at once, in this replica (below 1 counts as 1). */
    @WithDefault("64")
    int maxInFlight();

    /** Attempts in flight at once to one endpoint (below 1 counts as 1). */
    @WithDefault("4")
    int maxInFlightPerEndpoint();

    /** How often the dispatcher looks for due deliveries (DeliveryDispatcher's schedule). */
    Duration pollInterval();

    /** Private networks endpoints may resolve to (CIDRs; none outside development and tests). */
    Optional<List<String>> allowedNetworks();

    @WithDefault("true")
    boolean requireHttpsInLive();

    /** Resends a merchant may ask for per {@link #resendWindow()}, in each mode. */
    @WithDefault("60")
    int resendLimit();

    @WithDefault("1m")
    Duration resendWindow();

    /** The AES-256 key sealing endpoints' signing secrets at rest (SigningSecrets). */
    Optional<String> secretKey();
  }
}
