package dev.payplatform.edge.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The edge's settings ({@code edge.*}, docs/operations.md), all under one mapping (a property under
 * {@code edge.} that no mapping declares stops the edge from starting): where each service answers,
 * how long and how large a request may be, whom to trust for the client's address, the rate limits,
 * idempotency, the internal JWT, the operator token, key rolls and the console.
 */
@ConfigMapping(prefix = "edge")
public interface EdgeConfig {

  /** The base URL of each service the route table names ({@code edge.upstream.<service>}). */
  Map<String, String> upstream();

  /** How long a service may stay silent on a forwarded request before the edge answers 504. */
  @WithDefault("30s")
  Duration upstreamTimeout();

  /** The largest request body the API accepts; past it, 413. */
  @WithDefault("1M")
  MemorySize maxBodySize();

  /** Proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} is believed. */
  Optional<List<String>> trustedProxies();

  RateLimit rateLimit();

  Idempotency idempotency();

  Jwt jwt();

  /** The operator API's bearer token ({@code /admin/**}). */
  String adminToken();

  /** How long a rolled key keeps working by default. */
  @WithDefault("24h")
  Duration keyRollGrace();

  Console console();

  Retention retention();

  /**
   * How long what the edge keeps outlives its use (docs/operations.md, "Retention"); each is a
   * commons retention sweep.
   */
  interface Retention {
    /**
     * Idempotency records after they expire (they expire {@code edge.idempotency.ttl} after use).
     */
    @WithDefault("0s")
    Duration idempotencyRecords();

    /** Console sessions after they ended or expired: long enough to answer "who was signed in". */
    @WithDefault("7d")
    Duration consoleSessions();

    /** Console invites after they expired. */
    @WithDefault("7d")
    Duration consoleInvites();

    /**
     * The audit log: 13 months, a year's audit with a month to spare. Only the retention sweep
     * deletes from it, and only rows older than this (the table's trigger checks).
     */
    @WithDefault("395d")
    Duration auditEvents();
  }

  /** The console's sign-in, sessions and invites (docs/console.md). */
  interface Console {
    /** A session ends after this long without a request. */
    @WithDefault("30m")
    Duration idleTimeout();

    /** A session ends this long after sign-in, however busy. */
    @WithDefault("12h")
    Duration absoluteTimeout();

    Lockout lockout();

    @WithDefault("7d")
    Duration inviteLifetime();

    /** The bcrypt work factor for console passwords. */
    @WithDefault("12")
    int bcryptCost();

    /**
     * Seals two-factor secrets (AES-256-GCM; 64 hex digits or base64 of 32 bytes). From a Secret;
     * without it, two-factor enrolment is refused and sign-in works with passwords only.
     */
    Optional<String> sealingKey();

    /** Wrong authentication codes in a row that lock the code step, and for how long. */
    TwoFactorLockout twoFactorLockout();

    interface TwoFactorLockout {
      @WithDefault("5")
      int attempts();

      @WithDefault("15m")
      Duration duration();
    }

    /** Failed sign-ins in a row that lock an account, and for how long. */
    interface Lockout {
      @WithDefault("5")
      int attempts();

      @WithDefault("15m")
      Duration duration();
    }
  }

  /** Requests per second for one merchant's secret keys, by mode. */
  interface RateLimit {
    @WithDefault("100")
    int live();

    @WithDefault("25")
    int test();

    Anonymous anonymous();

    LinkVisits linkVisits();

    /** Public routes, per client address. */
    interface Anonymous {
      @WithDefault("600")
      long requests();

      @WithDefault("60s")
      Duration period();
    }

    /** Visits of one payment link's page (each mints a payment), per link. */
    interface LinkVisits {
      @WithDefault("30")
      long requests();

      @WithDefault("60s")
      Duration period();
    }
  }

  interface Idempotency {
    /** How long an answer is kept for replay. */
    @WithDefault("24h")
    Duration ttl();

    /** How long a claimed key stays in flight before a retry may run it again. */
    @WithDefault("2m")
    Duration inFlightLease();
  }

  /** The internal RS256 JWT the edge signs for the services. */
  interface Jwt {
    String signingKey();

    @WithDefault("300s")
    Duration lifetime();

    @WithDefault("60s")
    Duration refreshBefore();
  }
}
