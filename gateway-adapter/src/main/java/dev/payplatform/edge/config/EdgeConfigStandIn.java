package dev.payplatform.edge.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * STAND-IN, DELETE AT MERGE: the request pipeline's part of the lead's config/EdgeConfig (issue
 * 29), copied so that this branch starts on its own. AdminConfig and ConsoleConfig map parts of
 * {@code edge.*}, and then every other {@code edge.*} property must map to some root too
 * (SRCFG00050). Only ConsoleGuard injects it (a mapping nobody injects is not checked).
 */
@ConfigMapping(prefix = "edge")
public interface EdgeConfigStandIn {

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
