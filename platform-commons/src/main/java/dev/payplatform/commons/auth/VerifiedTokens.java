package dev.payplatform.commons.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The internal JWTs this service has verified, by their exact text, until they expire. The edge
 * mints one token per key and claim set and reuses it for minutes (decision 0004), so every request
 * of a merchant carries the same bytes: verifying its RS256 signature and parsing its claims once
 * is enough (docs/benchmarks.md, CPU per payment). A token that differs in any byte is verified in
 * full, refusals are never cached, and a cached token is served only before its {@code exp} (with
 * no clock skew), so a cached token is never accepted where a fresh verification would refuse it.
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

  private record Verified(JWTCallerPrincipal principal, long validUntilEpochSecond) {}

  public VerifiedTokens(InstantSource clock) {
    this(new DefaultJWTCallerPrincipalFactory(), clock, CAPACITY);
  }

  VerifiedTokens(JWTCallerPrincipalFactory verifier, InstantSource clock, int capacity) {
    this.capacity = capacity;
    this.verifier = verifier;
    this.clock = clock;
  }

  @Override
  public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
    long now = clock.instant().getEpochSecond();
    Verified hit = verified.get(token);
    if (hit != null && now < hit.validUntilEpochSecond()) {
      return hit.principal();
    }
    JWTCallerPrincipal principal = verifier.parse(token, context);
    // Until exp (the verifier already refused an exp beyond iat + smallrye.jwt.time-to-live).
    long until = principal.getExpirationTime();
    if (now < until) {
      if (verified.size() >= capacity) {
        verified.values().removeIf(v -> v.validUntilEpochSecond() <= now);
        if (verified.size() >= capacity) {
          verified.clear();
        }
      }
      verified.put(token, new Verified(principal, until));
    }
    return principal;
  }

  int size() {
    return verified.size();
  }
}
