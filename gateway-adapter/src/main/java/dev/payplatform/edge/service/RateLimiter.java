package dev.payplatform.edge.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.edge.config.EdgeConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key token buckets (Bucket4j): capacity = the key's requests per second, refilled greedily
 * every second. Limits are per edge replica: with N replicas a key can get up to N× the limit
 * (docs/decisions/0004-edge-keys-and-tokens.md says why that is acceptable and how to change it).
 */
@ApplicationScoped
public class RateLimiter {

  /** Whether the request may pass, the limit applied, what remains, and when to retry. */
  public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {}

  private record Keyed(long limit, Bucket bucket) {}

  private final ConcurrentHashMap<String, Keyed> buckets = new ConcurrentHashMap<>();
  private final int defaultLive;
  private final int defaultTest;

  public RateLimiter(EdgeConfig config) {
    this.defaultLive = config.rateLimit().live();
    this.defaultTest = config.rateLimit().test();
  }

  public Decision tryAcquire(KeyPrincipal principal) {
    long limit =
        principal.rateLimitOverride() != null
            ? principal.rateLimitOverride()
            : principal.mode() == Mode.LIVE ? defaultLive : defaultTest;
    // A changed limit (operator raised it) gets a fresh bucket of the new size.
    Keyed keyed =
        buckets.compute(
            principal.keyId(),
            (id, existing) ->
                existing != null && existing.limit() == limit ? existing : newBucket(limit));
    ConsumptionProbe probe = keyed.bucket().tryConsumeAndReturnRemaining(1);
    return new Decision(
        probe.isConsumed(), limit, probe.getRemainingTokens(), retryAfterSeconds(probe));
  }

  /** Whole seconds until a refused request may be retried (at least 1); 0 when it passed. */
  static long retryAfterSeconds(ConsumptionProbe probe) {
    return probe.isConsumed()
        ? 0
        : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
  }

  private static Keyed newBucket(long limit) {
    Bucket bucket =
        Bucket.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(limit)
                    .refillGreedy(limit, Duration.ofSeconds(1))
                    .build())
            .build();
    return new Keyed(limit, bucket);
  }
}
