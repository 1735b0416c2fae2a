package dev.payplatform.edge.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.domain.ApiKey;
import dev.payplatform.edge.domain.Merchant;
import dev.payplatform.edge.domain.MerchantNotFound;
import dev.payplatform.edge.messaging.MerchantEvents;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;

/** Merchants: the operator API's business rules (their keys: {@link MerchantKeys}). */
@ApplicationScoped
public class MerchantService {
  /** A merchant and the secrets created with it (shown once, never stored). */
  public record Created(
      Merchant merchant, List<ApiKey> keys, String testSecret, String liveSecret) {}

  private final MerchantEvents events;
  private final KeyAuthenticator authenticator;
  private final InternalTokens tokens;
  private final InstantSource clock;

  public MerchantService(
      MerchantEvents events,
      KeyAuthenticator authenticator,
      InternalTokens tokens,
      InstantSource clock) {
    this.events = events;
    this.authenticator = authenticator;
    this.tokens = tokens;
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
    ApiKey testKey = MerchantKeys.newKey(m.id, Mode.TEST, testSecret, now);
    ApiKey liveKey = MerchantKeys.newKey(m.id, Mode.LIVE, liveSecret, now);
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

  /** Drops every cached principal and token (a merchant's name, account or limits changed). */
  public Uni<Void> forgetAllCached() {
    tokens.forgetAll();
    return authenticator.forgetAll();
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
