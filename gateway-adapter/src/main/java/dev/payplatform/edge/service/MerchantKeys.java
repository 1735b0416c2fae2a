package dev.payplatform.edge.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.domain.ApiKey;
import dev.payplatform.edge.domain.KeyNotFound;
import dev.payplatform.edge.domain.KeyNotRollable;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * A merchant's secret keys: listing, rolling (the old key keeps working for a grace period) and
 * revoking, for the operator API and the console's keys page.
 */
@ApplicationScoped
public class MerchantKeys {
  /** A rolled key: the new key, its secret and the old key. */
  public record Rolled(ApiKey key, String secret, ApiKey previous) {}

  private final KeyAuthenticator authenticator;
  private final InternalTokens tokens;
  private final Duration defaultGrace;
  private final InstantSource clock;

  public MerchantKeys(
      KeyAuthenticator authenticator,
      InternalTokens tokens,
      InstantSource clock,
      EdgeConfig config) {
    this.authenticator = authenticator;
    this.tokens = tokens;
    this.defaultGrace = config.keyRollGrace();
    this.clock = clock;
  }

  @WithSession
  public Uni<List<ApiKey>> list(String merchantId) {
    return ApiKey.list("merchantId = ?1 order by createdAt, livemode, id", merchantId);
  }

  @WithTransaction
  public Uni<Rolled> roll(String merchantId, String keyId, Integer graceHours) {
    Duration grace = graceHours == null ? defaultGrace : Duration.ofHours(graceHours);
    Instant now = now();
    return usableKey(merchantId, keyId, now)
        .chain(
            old -> {
              old.status = ApiKey.ROLLED;
              Instant graceEnd = now.plus(grace);
              old.expiresAt =
                  old.expiresAt == null || graceEnd.isBefore(old.expiresAt)
                      ? graceEnd
                      : old.expiresAt;
              Mode mode = Mode.of(old.livemode);
              String secret = SecretKeys.generate(mode);
              ApiKey fresh = newKey(merchantId, mode, secret, now);
              return fresh.<ApiKey>persist().map(k -> new Rolled(k, secret, old));
            });
  }

  @WithTransaction
  public Uni<ApiKey> revoke(String merchantId, String keyId) {
    return merchantsKey(merchantId, keyId)
        .invoke(
            k -> {
              if (!ApiKey.REVOKED.equals(k.status)) {
                k.status = ApiKey.REVOKED;
                k.revokedAt = now();
              }
            });
  }

  private Uni<ApiKey> usableKey(String merchantId, String keyId, Instant now) {
    return merchantsKey(merchantId, keyId)
        .invoke(
            k -> {
              if (ApiKey.REVOKED.equals(k.status) || k.hasExpiredAt(now)) {
                throw new KeyNotRollable(keyId);
              }
            });
  }

  /** One of this merchant's keys; KeyNotFound for another merchant's. */
  private static Uni<ApiKey> merchantsKey(String merchantId, String keyId) {
    return ApiKey.<ApiKey>find("id = ?1 and merchantId = ?2", keyId, merchantId)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new KeyNotFound(keyId));
  }

  /**
   * Drops this replica's cached answer and token for a key. Called after the transaction that
   * changed the key committed, so a concurrent request cannot re-cache the old state.
   */
  public Uni<Void> forgetCached(ApiKey key) {
    tokens.forget(key.id);
    return authenticator.forget(key.keyHash);
  }

  static ApiKey newKey(String merchantId, Mode mode, String secret, Instant now) {
    ApiKey k = new ApiKey();
    k.id = Ids.newId("key");
    k.merchantId = merchantId;
    k.livemode = mode.livemode();
    k.keyHash = SecretKeys.hash(secret);
    k.prefix = SecretKeys.prefix(mode);
    k.last4 = SecretKeys.last4(secret);
    k.status = ApiKey.ACTIVE;
    k.createdAt = now;
    return k;
  }

  /** Microseconds: what PostgreSQL keeps, so a re-read equals what we answered. */
  private Instant now() {
    return Timestamps.now(clock);
  }
}
