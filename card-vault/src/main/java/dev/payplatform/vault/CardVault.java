package dev.payplatform.vault;

import dev.payplatform.processor.CardDetails;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
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

  private final Pool pool;
  private final VaultKeys keys;
  private final VaultMetrics metrics;
  private final Clock clock;

  public CardVault(
      @ReactiveDataSource("vault") Pool pool, VaultKeys keys, VaultMetrics metrics, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Whether cards can be stored (a key-encryption key is configured). */
  public boolean usable() {
    return keys.usable();
  }

  /** Stores the card's number and expiry (never its security code); answers its token. */
  public Uni<String> store(String merchantId, boolean livemode, CardDetails card) {
    KeyRing ring = keys.ring();
    String token = "pm_" + randomId();
    SecretKey dataKey = Envelope.newDataKey();
    String keyId = ring.activeId();
    byte[] sealedNumber =
        Envelope.seal(
            dataKey, card.number().getBytes(StandardCharsets.US_ASCII), VaultKeys.numberAad(token));
    byte[] wrapped =
        Envelope.seal(ring.active(), dataKey.getEncoded(), VaultKeys.dataKeyAad(token, keyId));
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
            .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC));
    return pool.preparedQuery(INSERT)
        .execute(row)
        .invoke(() -> metrics.count("store", "ok"))
        .onFailure()
        .invoke(() -> metrics.count("store", "failed"))
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
                metrics.count("reveal", "not_found");
                return Optional.<StoredCard>empty();
              }
              Row r = rows.iterator().next();
              String keyId = r.getString("key_id");
              try {
                SecretKey kek =
                    keys.ring()
                        .get(keyId)
                        .orElseThrow(
                            () ->
                                new GeneralSecurityException(
                                    "key " + keyId + " is not in the key ring"));
                SecretKey dataKey =
                    Envelope.key(
                        Envelope.open(
                            kek,
                            r.getBuffer("wrapped_key").getBytes(),
                            VaultKeys.dataKeyAad(token, keyId)));
                String number =
                    new String(
                        Envelope.open(
                            dataKey,
                            r.getBuffer("sealed_number").getBytes(),
                            VaultKeys.numberAad(token)),
                        StandardCharsets.US_ASCII);
                metrics.count("reveal", "ok");
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
                metrics.count("reveal", "unreadable");
                LOG.errorf("vaulted card %s cannot be opened: %s", token, e.getMessage());
                return Optional.<StoredCard>empty();
              }
            });
  }

  /** Removes a stored card (its first charge was declined: nothing to keep it for). */
  public Uni<Void> discard(String token) {
    return pool.preparedQuery(DELETE)
        .execute(Tuple.of(token))
        .invoke(() -> metrics.count("discard", "ok"))
        .replaceWithVoid();
  }

  public String activeKeyId() {
    return keys.activeKeyId();
  }

  private static String randomId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
