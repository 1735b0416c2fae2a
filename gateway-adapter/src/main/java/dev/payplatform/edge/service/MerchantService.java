package dev.payplatform.edge.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.config.AdminConfig;
import dev.payplatform.edge.domain.ApiKey;
import dev.payplatform.edge.domain.KeyNotFound;
import dev.payplatform.edge.domain.KeyNotRollable;
import dev.payplatform.edge.domain.Merchant;
import dev.payplatform.edge.domain.MerchantNotFound;
import dev.payplatform.edge.messaging.MerchantEvents;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;

/** Merchants and their keys: the operator API's business rules. */
@ApplicationScoped
public class MerchantService {
  /** A merchant and the secrets created with it (shown once, never stored). */
  public record Created(
      Merchant merchant, List<ApiKey> keys, String testSecret, String liveSecret) {}

  /** A rolled key: the new key, its secret and the old key. */
  public record Rolled(ApiKey key, String secret, ApiKey previous) {}

  private final MerchantEvents events;
  private final KeyAuthenticator authenticator;
  private final InternalTokens tokens;
  private final Duration defaultGrace;
  private final InstantSource clock;

  public MerchantService(
      MerchantEvents events,
      KeyAuthenticator authenticator,
      InternalTokens tokens,
      InstantSource clock,
      AdminConfig config) {
    this.events = events;
    this.authenticator = authenticator;
    this.tokens = tokens;
    this.defaultGrace = config.keyRollGrace();
    this.clock = clock;
  }

  @WithTransaction
  public Uni<Created> create(MerchantDetails req) {
    Instant now = now();
    Merchant m = new Merchant();
    m.id = Ids.newId("mer");
    m.name = req.name().strip();
    m.gatewayAccountId = blankToNull(req.gatewayAccountId());
    m.settlementCurrency = currency(req.settlementCurrency(), "USD", "settlement_currency");
    m.localCurrency = currency(req.localCurrency(), m.settlementCurrency, "local_currency");
    m.feeBasisPoints = basisPoints(req.feePercent() == null ? "2.9" : req.feePercent());
    m.feeFixed = req.feeFixed() == null ? 30 : req.feeFixed();
    m.statementDescriptor = descriptor(req.statementDescriptor(), m.name);
    if (req.lateSuccess() != null) {
      m.lateSuccess = req.lateSuccess();
    }
    m.rateLimitTest = req.rateLimitTest();
    m.rateLimitLive = req.rateLimitLive();
    m.createdAt = now;
    m.updatedAt = now;
    String testSecret = SecretKeys.generate(Mode.TEST);
    String liveSecret = SecretKeys.generate(Mode.LIVE);
    ApiKey testKey = newKey(m.id, Mode.TEST, testSecret, now);
    ApiKey liveKey = newKey(m.id, Mode.LIVE, liveSecret, now);
    return m.<Merchant>persist()
        .chain(() -> testKey.persist())
        .chain(() -> liveKey.persist())
        .chain(() -> events.created(m))
        .replaceWith(() -> new Created(m, List.of(testKey, liveKey), testSecret, liveSecret));
  }

  @WithSession
  public Uni<Page<Merchant>> list(PageRequest page) {
    return Pages.of(Merchant.<Merchant>findAll(Pages.NEWEST_FIRST), page);
  }

  @WithSession
  public Uni<Merchant> get(String id) {
    return Merchant.<Merchant>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> new MerchantNotFound(id));
  }

  @WithSession
  public Uni<List<ApiKey>> keys(String merchantId) {
    return ApiKey.list("merchantId = ?1 order by createdAt, livemode, id", merchantId);
  }

  @WithTransaction
  public Uni<Merchant> update(String id, MerchantDetails req) {
    return Merchant.<Merchant>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> new MerchantNotFound(id))
        .invoke(
            m -> {
              if (req.name() != null) {
                m.name = req.name().strip();
              }
              if (req.gatewayAccountId() != null) {
                m.gatewayAccountId = blankToNull(req.gatewayAccountId());
              }
              if (req.settlementCurrency() != null) {
                m.settlementCurrency =
                    currency(req.settlementCurrency(), null, "settlement_currency");
              }
              if (req.localCurrency() != null) {
                m.localCurrency = currency(req.localCurrency(), null, "local_currency");
              }
              if (req.feePercent() != null) {
                m.feeBasisPoints = basisPoints(req.feePercent());
              }
              if (req.feeFixed() != null) {
                m.feeFixed = req.feeFixed();
              }
              if (req.statementDescriptor() != null) {
                m.statementDescriptor = req.statementDescriptor().strip();
              }
              if (req.lateSuccess() != null) {
                m.lateSuccess = req.lateSuccess();
              }
              if (req.rateLimitTest() != null) {
                m.rateLimitTest = req.rateLimitTest();
              }
              if (req.rateLimitLive() != null) {
                m.rateLimitLive = req.rateLimitLive();
              }
              m.updatedAt = now();
            })
        .call(events::updated);
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
    return ApiKey.<ApiKey>find("id = ?1 and merchantId = ?2", keyId, merchantId)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new KeyNotFound(keyId))
        .invoke(
            k -> {
              if (!ApiKey.REVOKED.equals(k.status)) {
                k.status = ApiKey.REVOKED;
                k.revokedAt = now();
              }
            });
  }

  private Uni<ApiKey> usableKey(String merchantId, String keyId, Instant now) {
    return ApiKey.<ApiKey>find("id = ?1 and merchantId = ?2", keyId, merchantId)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new KeyNotFound(keyId))
        .invoke(
            k -> {
              if (ApiKey.REVOKED.equals(k.status) || k.hasExpiredAt(now)) {
                throw new KeyNotRollable(keyId);
              }
            });
  }

  /**
   * Drops this replica's cached answer and token for a key. Called after the transaction that
   * changed the key committed, so a concurrent request cannot re-cache the old state.
   */
  public Uni<Void> forgetCached(ApiKey key) {
    tokens.forget(key.id);
    return authenticator.forget(key.keyHash);
  }

  /** Drops every cached principal and token (a merchant's name, account or limits changed). */
  public Uni<Void> forgetAllCached() {
    tokens.forgetAll();
    return authenticator.forgetAll();
  }

  private static ApiKey newKey(String merchantId, Mode mode, String secret, Instant now) {
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

  private static int basisPoints(String percent) {
    return new BigDecimal(percent).movePointRight(2).intValueExact();
  }

  private static String currency(String code, String fallback, String field) {
    if (code == null) {
      return fallback;
    }
    return Money.parseCurrency(code, "body", field).getCurrencyCode();
  }

  private static String descriptor(String requested, String name) {
    String d = requested != null && !requested.isBlank() ? requested.strip() : name;
    d = d.toUpperCase(Locale.ROOT);
    return d.length() > 22 ? d.substring(0, 22) : d;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Microseconds: what PostgreSQL keeps, so a re-read equals what we answered. */
  private Instant now() {
    return Timestamps.now(clock);
  }
}
