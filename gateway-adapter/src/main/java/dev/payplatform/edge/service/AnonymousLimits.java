package dev.payplatform.edge.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.payplatform.edge.config.EdgeConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Limits on the routes that need no key (buyer pages and calls): per client address on every public
 * route, and per payment link on its page, whose every visit starts a payment and signs a checkout
 * token. Buckets live in bounded caches (an attacker's many addresses cannot grow memory without
 * bound) and, like the per-key limits, per edge replica.
 */
@ApplicationScoped
public class AnonymousLimits {
  private static final long MAX_TRACKED = 200_000;

  /** Allowed, or not and when to retry. */
  public record Decision(boolean allowed, long limit, String per, long retryAfterSeconds) {}

  private final Cache<String, Bucket> byClient;
  private final Cache<String, Bucket> byLink;
  private final long perClient;
  private final Duration clientPeriod;
  private final long perLink;
  private final Duration linkPeriod;

  public AnonymousLimits(EdgeConfig config) {
    this.perClient = config.rateLimit().anonymous().requests();
    this.clientPeriod = config.rateLimit().anonymous().period();
    this.perLink = config.rateLimit().linkVisits().requests();
    this.linkPeriod = config.rateLimit().linkVisits().period();
    this.byClient = bounded(clientPeriod);
    this.byLink = bounded(linkPeriod);
  }

  /** One request from this client address on a public route. */
  public Decision client(String address) {
    return take(byClient, address, perClient, clientPeriod, "client address");
  }

  /** One visit of this payment link's page. */
  public Decision linkVisit(String linkId) {
    return take(byLink, linkId, perLink, linkPeriod, "payment link");
  }

  private static Decision take(
      Cache<String, Bucket> buckets, String key, long limit, Duration period, String per) {
    Bucket bucket = buckets.get(key, k -> newBucket(limit, period));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return new Decision(probe.isConsumed(), limit, per, RateLimiter.retryAfterSeconds(probe));
  }

  private static Bucket newBucket(long limit, Duration period) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, period).build())
        .build();
  }

  // An idle bucket is full again after one period: forgetting it then changes nothing.
  private static Cache<String, Bucket> bounded(Duration period) {
    return Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(period).build();
  }
}
