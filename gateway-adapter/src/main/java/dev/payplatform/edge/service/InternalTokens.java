package dev.payplatform.edge.service;

import dev.payplatform.commons.auth.InternalClaims;
import dev.payplatform.commons.keys.PemKeys;
import dev.payplatform.edge.config.EdgeConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The internal RS256 JWT the edge attaches for the services
 * (docs/decisions/0004-edge-keys-tokens-limits.md). Signing costs 1.5–2 ms of CPU, so a token is
 * minted once per key and claim set, off the event loop, and reused until {@code refresh-before}
 * ahead of its expiry; revoking or rolling a key drops its token.
 */
@ApplicationScoped
public class InternalTokens {
  public static final String ISSUER = "payplatform-edge";

  record Minted(String token, Instant expiresAt) {
    /**
     * Reused until {@code refreshBefore} ahead of its expiry, so no request carries a dying one.
     */
    boolean freshAt(Instant now, Duration refreshBefore) {
      return now.plus(refreshBefore).isBefore(expiresAt);
    }
  }

  /**
   * Everything a token says. Tokens are cached under it, not under the key id alone: when another
   * replica changes the merchant, this replica's next principal (its key cache lasts 30 s) has the
   * new name or gateway account, misses, and mints a new token, instead of serving the old claims
   * until the cached token expires.
   */
  private record Claims(
      String keyId, String merchantId, String mode, String merchantName, String gatewayAccountId) {
    static Claims of(KeyPrincipal p) {
      return new Claims(
          p.keyId(), p.merchantId(), p.mode().claim(), p.merchantName(), p.gatewayAccountId());
    }
  }

  private final ConcurrentHashMap<Claims, Minted> byClaims = new ConcurrentHashMap<>();
  private final String signingKeyLocation;
  private final Duration lifetime;
  private final Duration refreshBefore;
  private final InstantSource clock;
  private volatile PrivateKey signingKey;

  public InternalTokens(EdgeConfig config, InstantSource clock) {
    String signingKeyLocation = config.jwt().signingKey();
    Duration lifetime = config.jwt().lifetime();
    Duration refreshBefore = config.jwt().refreshBefore();
    if (lifetime.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("edge.jwt.lifetime must be at most 5 minutes");
    }
    this.signingKeyLocation = signingKeyLocation;
    this.lifetime = lifetime;
    this.refreshBefore = refreshBefore;
    this.clock = clock;
  }

  /** A valid token for this key's principal: cached, or minted on a worker thread. */
  public Uni<String> tokenFor(KeyPrincipal principal) {
    Minted cached = byClaims.get(Claims.of(principal));
    if (cached != null && cached.freshAt(clock.instant(), refreshBefore)) {
      return Uni.createFrom().item(cached.token());
    }
    Context context = Vertx.currentContext();
    if (context == null) {
      return Uni.createFrom().item(() -> mintAndCache(principal));
    }
    // executeBlocking completes back on the caller's context, so the proxy continues on its
    // event loop.
    return Uni.createFrom()
        .completionStage(
            () ->
                context
                    .<String>executeBlocking(() -> mintAndCache(principal), false)
                    .toCompletionStage());
  }

  /** Drops a key's cached token (revoke, roll, merchant change). */
  public void forget(String keyId) {
    byClaims.keySet().removeIf(c -> c.keyId().equals(keyId));
  }

  public void forgetAll() {
    byClaims.clear();
  }

  private String mintAndCache(KeyPrincipal p) {
    Instant expiresAt = clock.instant().plus(lifetime);
    JwtClaimsBuilder claims =
        Jwt.issuer(ISSUER)
            .subject(p.merchantId())
            .groups(Set.of(InternalClaims.MERCHANT_ROLE))
            .claim(InternalClaims.MODE, p.mode().claim())
            .claim(InternalClaims.MERCHANT_NAME, p.merchantName())
            .claim("key_id", p.keyId())
            .expiresAt(expiresAt.getEpochSecond());
    if (p.gatewayAccountId() != null) {
      claims.claim(InternalClaims.GATEWAY_ACCOUNT_ID, p.gatewayAccountId());
    }
    String token = claims.jws().keyId("edge").sign(signingKey());
    // One live entry per key: older claim sets of the same key are dropped, not left to expire.
    byClaims.keySet().removeIf(c -> c.keyId().equals(p.keyId()));
    byClaims.put(Claims.of(p), new Minted(token, expiresAt));
    return token;
  }

  private PrivateKey signingKey() {
    if (signingKey == null) {
      try {
        signingKey = PemKeys.privateKey(signingKeyLocation);
      } catch (Exception e) {
        throw new IllegalStateException(
            "cannot read edge.jwt.signing-key " + signingKeyLocation, e);
      }
    }
    return signingKey;
  }
}
