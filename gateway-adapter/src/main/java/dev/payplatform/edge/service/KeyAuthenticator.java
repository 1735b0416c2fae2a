package dev.payplatform.edge.service;

import dev.payplatform.commons.auth.Mode;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Resolves a presented secret key to its merchant. The lookup is by the key's SHA-256 on a unique
 * index (never a scan, and never a byte-by-byte comparison of the secret an attacker could time);
 * answers, including "no such key", are cached for {@code quarkus.cache.caffeine."api-keys"
 * .expire-after-write} (30 s). Revoking or rolling a key invalidates this replica's entry at once;
 * other edge replicas drop it within that TTL (docs/decisions/0004-edge-keys-and-tokens.md).
 */
@ApplicationScoped
public class KeyAuthenticator {
  private static final String LOOKUP =
      "select k.id, k.merchant_id, k.livemode, k.expires_at, m.name, m.gateway_account_id,"
          + " m.rate_limit_test, m.rate_limit_live"
          + " from api_key k join merchant m on m.id = k.merchant_id"
          + " where k.key_hash = $1 and k.status <> 'revoked'";

  private final Pool pool;
  private final Cache cache;
  private final InstantSource clock;

  public KeyAuthenticator(Pool pool, @CacheName("api-keys") Cache cache, InstantSource clock) {
    this.pool = pool;
    this.cache = cache;
    this.clock = clock;
  }

  /** The principal of a well-formed key, or empty when it is unknown, revoked or expired. */
  public Uni<Optional<KeyPrincipal>> authenticate(String key) {
    String hash = SecretKeys.hashHex(key);
    return cache
        .<String, Optional<KeyPrincipal>>getAsync(hash, h -> load(key))
        .map(p -> p.filter(principal -> principal.usableAt(clock.instant())));
  }

  /** Forgets a key's cached answer on this replica (after a revoke or roll). */
  public Uni<Void> forget(byte[] keyHash) {
    return cache.invalidate(java.util.HexFormat.of().formatHex(keyHash));
  }

  /** Forgets every cached key (after a merchant's settings changed). */
  public Uni<Void> forgetAll() {
    return cache.invalidateAll();
  }

  private Uni<Optional<KeyPrincipal>> load(String key) {
    return pool.preparedQuery(LOOKUP)
        .execute(Tuple.tuple().addBuffer(Buffer.buffer(SecretKeys.hash(key))))
        .map(
            rows -> {
              RowIterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                return Optional.<KeyPrincipal>empty();
              }
              Row r = it.next();
              boolean live = r.getBoolean("livemode");
              OffsetDateTime expires = r.getOffsetDateTime("expires_at");
              Integer override =
                  live ? r.getInteger("rate_limit_live") : r.getInteger("rate_limit_test");
              return Optional.of(
                  new KeyPrincipal(
                      r.getString("id"),
                      r.getString("merchant_id"),
                      Mode.of(live),
                      r.getString("name"),
                      r.getString("gateway_account_id"),
                      override,
                      expires == null ? null : expires.toInstant()));
            });
  }
}
