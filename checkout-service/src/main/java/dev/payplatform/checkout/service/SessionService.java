package dev.payplatform.checkout.service;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.Timestamps;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Checkout sessions: creation by a merchant, the buyer's read, and expiry. */
@ApplicationScoped
public class SessionService {
  private static final int SWEEP_BATCH = 100;
  // Read without a lock: each session is locked below in the platform's one order (its intent,
  // then the session) and re-checked, so a session another replica expired first is skipped.
  private static final String DUE =
      "select id, payment_intent_id from checkout_session where status = 'open'"
          + " and expires_at <= now() order by expires_at limit "
          + SWEEP_BATCH;

  private final CheckoutEvents events;
  private final IntentService intents;
  private final CatalogReadModel catalog;
  private final Duration ttl;

  public SessionService(
      CheckoutEvents events,
      IntentService intents,
      CatalogReadModel catalog,
      CheckoutConfig config) {
    this.events = events;
    this.intents = intents;
    this.catalog = catalog;
    this.ttl = config.session().ttl();
  }

  /** What a new session is made of, already validated. */
  public record NewSession(
      Money amount,
      String description,
      List<String> items,
      String mode,
      String priceId,
      String customerId,
      String returnUrl) {}

  @WithTransaction
  public Uni<CheckoutSession> create(Tenant tenant, NewSession req) {
    if (CheckoutSession.MODE_SUBSCRIPTION.equals(req.mode())) {
      return catalog
          .requireSubscribable(tenant, req.priceId(), req.customerId(), req.amount())
          .chain(() -> persist(tenant, req));
    }
    return persist(tenant, req);
  }

  private Uni<CheckoutSession> persist(Tenant tenant, NewSession req) {
    Instant now = Timestamps.now();
    CheckoutSession s = new CheckoutSession();
    s.id = Ids.newId(CheckoutSession.ID_PREFIX);
    s.merchantId = tenant.merchantId();
    s.livemode = tenant.livemode();
    s.merchantName = tenant.merchantName();
    s.gatewayAccountId = tenant.gatewayAccountId();
    s.amount = req.amount().minorUnits();
    s.currency = req.amount().currencyCode();
    s.description = req.description();
    s.items = req.items().toArray(String[]::new);
    s.mode = req.mode();
    s.priceId = req.priceId();
    s.customerId = req.customerId();
    s.returnUrl = req.returnUrl();
    s.status = CheckoutSession.OPEN;
    s.createdAt = now;
    s.expiresAt = now.plus(ttl);
    return s.<CheckoutSession>persist().call(events::sessionCreated);
  }

  /**
   * The session a buyer's page or a public call names. Public: the session id is the buyer's
   * credential, so there is no tenant to filter on here.
   */
  @WithSession
  public Uni<CheckoutSession> find(String id) {
    if (!Ids.looksLike(id, CheckoutSession.ID_PREFIX)) {
      return Uni.createFrom().failure(notFound(id));
    }
    return CheckoutSession.<CheckoutSession>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> notFound(id));
  }

  /**
   * Marks open sessions past their expiry as expired, emits {@code checkout.session.expired}, and
   * cancels their open intents ({@code session_expired}). Returns how many it expired.
   */
  @WithTransaction
  public Uni<Integer> expireDue() {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(DUE, Object[].class).getResultList())
        .chain(
            rows ->
                Multi.createFrom()
                    .iterable(rows)
                    .onItem()
                    .transformToUniAndConcatenate(r -> expire((String) r[0], (String) r[1]))
                    .collect()
                    .asList()
                    .map(List::size));
  }

  /**
   * One lock order everywhere, the intent before its session: a confirmation's second transaction
   * holds the intent when it completes the session, and the other order deadlocked with it.
   */
  private Uni<CheckoutSession> expire(String sessionId, String intentId) {
    Uni<?> intentLocked =
        intentId == null
            ? Uni.createFrom().voidItem()
            : PaymentIntent.findById(intentId, LockModeType.PESSIMISTIC_WRITE);
    return intentLocked
        .chain(
            () ->
                CheckoutSession.<CheckoutSession>findById(
                    sessionId, LockModeType.PESSIMISTIC_WRITE))
        .call(intents::closeSession);
  }

  static ApiException notFound(String id) {
    return ApiException.notFound("Checkout session not found", "No such checkout session: " + id);
  }
}
