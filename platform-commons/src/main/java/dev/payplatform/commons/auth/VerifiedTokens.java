package dev.payplatform.commons.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The internal JWTs this service has verified, by their exact text, until they expire. The edge
 * mints one token per key and claim set and reuses it for minutes (decision 0004), so every request
 * of a merchant carries the same bytes: verifying its RS256 signature and parsing its claims once
 * is enough (docs/benchmarks.md, CPU per payment). A token that differs in any byte is verified in
 * full, refusals are never cached, and a cached token is served only before its {@code exp} (with
 * no clock skew), so a cached token is never accepted where a fresh verification would refuse it.
 *
 * <p>{@code platform_internal_tokens_total{outcome="verified"|"cached"}} counts full verifications
 * and cache hits. The constructor is {@code @Inject}: a CDI bean class with several constructors
 * and none of them annotated is not a bean at all, and SmallRye JWT silently kept its default.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {
  /** Distinct tokens held at most: a few per merchant key in use; expired ones go first. */
  static final int CAPACITY = 10_000;

  private final int capacity;
  private final JWTCallerPrincipalFactory verifier;
  private final InstantSource clock;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
  private final Counter verifiedInFull;
  private final Counter servedFromCache;

  /** A verification holds only for the context (keys, issuer, audience) it was made under. */
  private record Verified(
      JWTCallerPrincipal principal, JWTAuthContextInfo context, long validUntilEpochSecond) {}

  @Inject
  public VerifiedTokens(InstantSource clock, MeterRegistry metrics) {
    this(new DefaultJWTCallerPrincipalFactory(), clock, CAPACITY, metrics);
  }

  VerifiedTokens(
      JWTCallerPrincipalFactory verifier,
      InstantSource clock,
      int capacity,
      MeterRegistry metrics) {
    this.capacity = capacity;
    this.verifier = verifier;
    this.clock = clock;
    this.verifiedInFull = metrics.counter("platform.internal.tokens", "outcome", "verified");
    this.servedFromCache = metrics.counter("platform.internal.tokens", "outcome", "cached");
  }

  @Override
  public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
    long now = clock.instant().getEpochSecond();
    Verified hit = verified.get(token);
    if (hit != null && hit.context() == context && now < hit.validUntilEpochSecond()) {
      servedFromCache.increment();
      return hit.principal();
    }
    JWTCallerPrincipal principal = verifier.parse(token, context);
    verifiedInFull.increment();
    // Until exp (the verifier already refused an exp beyond iat + smallrye.jwt.time-to-live).
    long until = principal.getExpirationTime();
    if (now < until) {
      if (verified.size() >= capacity) {
        verified.values().removeIf(v -> v.validUntilEpochSecond() <= now);
        if (verified.size() >= capacity) {
          verified.clear();
        }
      }
      verified.put(token, new Verified(principal, context, until));
    }
    return principal;
  }

  int size() {
    return verified.size();
  }
}
