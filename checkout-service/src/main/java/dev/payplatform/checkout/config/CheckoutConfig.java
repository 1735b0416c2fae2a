package dev.payplatform.checkout.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** checkout-service's own settings (application.properties, {@code checkout.*}). */
@ConfigMapping(prefix = "checkout")
public interface CheckoutConfig {
  Session session();

  Intent intent();

  Fraud fraud();

  RequestLog requestLog();

  interface Session {
    /** How long a new session stays open. */
    Duration ttl();

    /** How often the sweep marks expired sessions. */
    Duration sweepInterval();
  }

  interface Intent {
    /** Failed confirmations after which an intent is canceled (card-testing defence). */
    int maxFailedAttempts();
  }

  interface Fraud {
    /** A card with more than this many declines at one merchant within an hour is blocked. */
    int maxDeclinesPerCardPerHour();

    /**
     * Largest single charge, in major units per currency: key {@code default} for every merchant,
     * or a merchant id for that merchant's own limit.
     */
    Map<String, Map<String, String>> maxAmount();
  }

  interface RequestLog {
    boolean enabled();
  }
}
