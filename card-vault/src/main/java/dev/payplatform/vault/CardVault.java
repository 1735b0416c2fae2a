package dev.payplatform.vault;

import dev.payplatform.processor.CardDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The card vault (docs/vault.md): card numbers for off-session live charges, in a database of its
 * own that only checkout's connector path holds credentials for. Each card number is sealed with a
 * data key of its own (AES-256-GCM); the data key is wrapped by the active key-encryption key of
 * the {@link KeyRing}, which lives in a Secret, never in a database; each record names its key id.
 * The security code is never stored. The platform keeps only the token ({@code pm_…}), brand, last
 * 4 and expiry.
 */
@ApplicationScoped
public class CardVault {
  private static final Logger LOG = Logger.getLogger(CardVault.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int REWRAP_BATCH = 100;

  private static final String INSERT =
      "insert into vault_card (token, merchant_id, livemode, key_id, wrapped_key, sealed_number,"
          + " brand, last4, exp_month, exp_year, created_at) values ($1, $2, $3, $4, $5, $6, $7,"
          + " $8, $9, $10, $11)";
  private static final String MARK_STORED =
      "update vault_card set network_reference = $2 where token = $1 and network_reference is null";
  private static final String FIND =
      "select key_id, wrapped_key, sealed_number, brand, last4, exp_month, exp_year,"
          + " network_reference from vault_card where token = $1 and merchant_id = $2"
          + " and livemode = $3";
  private static final String DELETE = "delete from vault_card where token = $1";
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
  private final Optional<Path> keyRingFile;
  private final MeterRegistry metrics;
  private volatile KeyRing keys;

  public CardVault(
      @ReactiveDataSource("vault") Pool pool,
      @ConfigProperty(name = "vault.key-ring-file") Optional<String> keyRingFile,
      MeterRegistry metrics) {
    this.pool = pool;
    this.keyRingFile = keyRingFile.filter(f -> !f.isBlank()).map(Path::of);
    this.metrics = metrics;
    this.keys = this.keyRingFile.map(KeyRing::read).orElse(KeyRing.empty());
    if (!keys.usable()) {
      LOG.warn(
          "the card vault has no key-encryption key (vault.key-ring-file): live cards cannot be saved");
    }
  }

  /** Whether cards can be stored (a key-encryption key is configured). */
  public boolean usable() {
    return keys.usable();
  }

  /** Stores the card's number and expiry (never its security code); answers its token. */
  public Uni<String> store(String merchantId, boolean livemode, CardDetails card) {
    KeyRing ring = keys;
    String token = "pm_" + randomId();
    SecretKey dataKey = Envelope.newDataKey();
    String keyId = ring.activeId();
    byte[] sealedNumber =
        Envelope.seal(dataKey, card.number().getBytes(StandardCharsets.US_ASCII), aad(token));
    byte[] wrapped = Envelope.seal(ring.active(), dataKey.getEncoded(), aad(token, keyId));
    Tuple row =
        Tuple.tuple()
            .addString(token)
            .addString(merchantId)
            .addBoolean(livemode)
            .addString(keyId)
            .addValue(io.vertx.core.buffer.Buffer.buffer(wrapped))
            .addValue(io.vertx.core.buffer.Buffer.buffer(sealedNumber))
            .addString(card.brand())
            .addString(card.last4())
            .addInteger(card.expMonth())
            .addInteger(card.expYear())
            .addOffsetDateTime(Instant.now().atOffset(ZoneOffset.UTC));
    return pool.preparedQuery(INSERT)
        .execute(row)
        .invoke(() -> count("store", "ok"))
        .onFailure()
        .invoke(() -> count("store", "failed"))
        .replaceWith(token);
  }

  /**
   * The first on-session charge with the card was approved under {@code rrn}: the credential is now
   * stored, and merchant-initiated charges name that transaction.
   */
  public Uni<Void> markStored(String token, String rrn) {
    return pool.preparedQuery(MARK_STORED).execute(Tuple.of(token, rrn)).replaceWithVoid();
  }

  /** The card of a token, for this merchant and mode only; empty for anyone else's. */
  public Uni<Optional<StoredCard>> reveal(String merchantId, boolean livemode, String token) {
    return pool.preparedQuery(FIND)
        .execute(Tuple.of(token, merchantId, livemode))
        .map(
            rows -> {
              if (rows.size() == 0) {
                count("reveal", "not_found");
                return Optional.<StoredCard>empty();
              }
              Row r = rows.iterator().next();
              String keyId = r.getString("key_id");
              try {
                SecretKey kek =
                    keys.get(keyId)
                        .orElseThrow(
                            () ->
                                new GeneralSecurityException(
                                    "key " + keyId + " is not in the key ring"));
                SecretKey dataKey =
                    Envelope.key(
                        Envelope.open(
                            kek, r.getBuffer("wrapped_key").getBytes(), aad(token, keyId)));
                String number =
                    new String(
                        Envelope.open(dataKey, r.getBuffer("sealed_number").getBytes(), aad(token)),
                        StandardCharsets.US_ASCII);
                count("reveal", "ok");
                return Optional.of(
                    new StoredCard(
                        token,
                        number,
                        r.getInteger("exp_month"),
                        r.getInteger("exp_year"),
                        r.getString("brand"),
                        r.getString("last4"),
                        r.getString("network_reference")));
              } catch (GeneralSecurityException e) {
                count("reveal", "unreadable");
                LOG.errorf("vaulted card %s cannot be opened: %s", token, e.getMessage());
                return Optional.<StoredCard>empty();
              }
            });
  }

  /** Removes a stored card (its first charge was declined: nothing to keep it for). */
  public Uni<Void> discard(String token) {
    return pool.preparedQuery(DELETE)
        .execute(Tuple.of(token))
        .invoke(() -> count("discard", "ok"))
        .replaceWithVoid();
  }

  /**
   * Rereads the key ring and re-wraps every data key not under the active key, a batch per
   * transaction ({@code skip locked}, so replicas share the work); card numbers are not touched.
   * Records that cannot be re-wrapped do not stop the rest: a record whose key id is no longer in
   * the ring is left as it is (see {@link KeyUsage#missingKeys}), and one that does not open under
   * its key (tampered with) is counted and logged.
   */
  public Uni<Rewrap> rewrap() {
    keyRingFile.ifPresent(f -> keys = KeyRing.read(f));
    KeyRing ring = keys;
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
                          aad(token, oldId));
                  rewrappedKey = Envelope.seal(ring.active(), dataKey, aad(token, activeId));
                } catch (GeneralSecurityException e) {
                  count("rewrap", "unreadable");
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
                                        Instant.now().atOffset(ZoneOffset.UTC)))
                                .invoke(() -> count("rewrap", "ok"))
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
    KeyRing ring = keys;
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

  public String activeKeyId() {
    return keys.usable() ? keys.activeId() : null;
  }

  private void count(String operation, String outcome) {
    Counter.builder("platform_vault_operations")
        .description("Card vault operations, by outcome")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(metrics)
        .increment();
  }

  private static byte[] aad(String token) {
    return ("pan|" + token).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] aad(String token, String keyId) {
    return ("dek|" + token + "|" + keyId).getBytes(StandardCharsets.UTF_8);
  }

  private static String randomId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
