package dev.payplatform.vault;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The vault's key rotation (docs/vault.md): every data key re-wrapped under the key ring's active
 * key-encryption key, and which key wraps how many records. Card numbers are never opened here.
 */
@ApplicationScoped
public class KeyRotation {
  private static final Logger LOG = Logger.getLogger(KeyRotation.class);
  private static final int REWRAP_BATCH = 100;

  private static final String NOT_UNDER =
      "select token, key_id, wrapped_key from vault_card where key_id <> $1"
          + " and key_id = any($2) and token <> all($3) limit "
          + REWRAP_BATCH
          + " for update skip locked";
  private static final String REWRAPPED =
      "update vault_card set key_id = $2, wrapped_key = $3, rewrapped_at = $4 where token = $1";
  private static final String USAGE =
      "select key_id, count(*) from vault_card group by key_id order by key_id";

  private final Pool pool;
  private final VaultKeys keys;
  private final VaultMetrics metrics;
  private final Clock clock;

  public KeyRotation(
      @ReactiveDataSource("vault") Pool pool, VaultKeys keys, VaultMetrics metrics, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Rereads the key ring and re-wraps every data key not under the active key, a batch per
   * transaction ({@code skip locked}, so replicas share the work); card numbers are not touched.
   * Records that cannot be re-wrapped do not stop the rest: a record whose key id is no longer in
   * the ring is left as it is (see {@link KeyUsage#missingKeys}), and one that does not open under
   * its key (tampered with) is counted and logged.
   */
  public Uni<Rewrap> rewrap() {
    KeyRing ring = keys.reload();
    return rewrapFrom(ring, new Rewrap(0, List.of()));
  }

  /** A rotation's work: records re-wrapped, and the tokens whose data key would not open. */
  public record Rewrap(long rewrapped, List<String> unreadable) {}

  private Uni<Rewrap> rewrapFrom(KeyRing ring, Rewrap done) {
    return pool.withTransaction(conn -> rewrapBatch(conn, ring, done))
        .chain(next -> next.equals(done) ? Uni.createFrom().item(done) : rewrapFrom(ring, next));
  }

  private Uni<Rewrap> rewrapBatch(SqlConnection conn, KeyRing ring, Rewrap done) {
    String activeId = ring.activeId();
    String[] older = ring.ids().stream().filter(id -> !id.equals(activeId)).toArray(String[]::new);
    return conn.preparedQuery(NOT_UNDER)
        .execute(Tuple.of(activeId, older, done.unreadable().toArray(String[]::new)))
        .chain(
            rows -> {
              Uni<Void> all = Uni.createFrom().voidItem();
              long rewrapped = done.rewrapped();
              List<String> unreadable = new ArrayList<>(done.unreadable());
              for (Row r : rows) {
                String token = r.getString("token");
                String oldId = r.getString("key_id");
                byte[] rewrappedKey;
                try {
                  byte[] dataKey =
                      Envelope.open(
                          ring.get(oldId).orElseThrow(),
                          r.getBuffer("wrapped_key").getBytes(),
                          VaultKeys.dataKeyAad(token, oldId));
                  rewrappedKey =
                      Envelope.seal(ring.active(), dataKey, VaultKeys.dataKeyAad(token, activeId));
                } catch (GeneralSecurityException e) {
                  metrics.count("rewrap", "unreadable");
                  LOG.errorf(
                      "vaulted card %s does not open under key %s: left as it is", token, oldId);
                  unreadable.add(token);
                  continue;
                }
                rewrapped++;
                all =
                    all.chain(
                        () ->
                            conn.preparedQuery(REWRAPPED)
                                .execute(
                                    Tuple.of(
                                        token,
                                        activeId,
                                        io.vertx.core.buffer.Buffer.buffer(rewrappedKey),
                                        clock.instant().atOffset(ZoneOffset.UTC)))
                                .invoke(() -> metrics.count("rewrap", "ok"))
                                .replaceWithVoid());
              }
              return all.replaceWith(new Rewrap(rewrapped, List.copyOf(unreadable)));
            });
  }

  /**
   * How many records each key wraps, split by whether the key is in the ring: records under a key
   * id the ring no longer holds cannot be opened, so those cards cannot be charged until the key is
   * put back (docs/vault.md, "A key missing from the ring").
   */
  public record KeyUsage(
      String activeKey, Map<String, Long> records, Map<String, Long> missingKeys) {}

  public Uni<KeyUsage> keyUsage() {
    KeyRing ring = keys.ring();
    return pool.query(USAGE)
        .execute()
        .map(
            rows -> {
              Map<String, Long> usage = new LinkedHashMap<>();
              Map<String, Long> missing = new LinkedHashMap<>();
              for (Row r : rows) {
                String keyId = r.getString(0);
                (ring.get(keyId).isPresent() ? usage : missing).put(keyId, r.getLong(1));
              }
              if (!missing.isEmpty()) {
                LOG.warnf(
                    "vaulted cards under key ids that are not in the key ring (cannot be charged): %s",
                    missing);
              }
              return new KeyUsage(ring.usable() ? ring.activeId() : null, usage, missing);
            });
  }
}
