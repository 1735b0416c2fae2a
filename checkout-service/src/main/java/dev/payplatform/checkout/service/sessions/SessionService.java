package dev.payplatform.checkout.service.sessions;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.SessionNotFound;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.checkout.service.catalog.CatalogReadModel;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/** Checkout sessions: creation by a merchant, and the buyer's read. */
@ApplicationScoped
public class SessionService {
  private final CheckoutEvents events;
  private final CatalogReadModel catalog;
  private final InstantSource clock;
  private final Duration ttl;

  public SessionService(
      CheckoutEvents events, CatalogReadModel catalog, InstantSource clock, CheckoutConfig config) {
    this.events = events;
    this.catalog = catalog;
    this.clock = clock;
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
  public Uni<CheckoutSession> create(Payee payee, NewSession req) {
    if (CheckoutSession.MODE_SUBSCRIPTION.equals(req.mode())) {
      return catalog
          .requireSubscribable(payee.tenant(), req.priceId(), req.customerId(), req.amount())
          .chain(() -> persist(payee, req));
    }
    return persist(payee, req);
  }

  private Uni<CheckoutSession> persist(Payee payee, NewSession req) {
    CheckoutSession s = new CheckoutSession();
    s.id = Ids.newId(CheckoutSession.ID_PREFIX);
    s.merchantId = payee.merchantId();
    s.livemode = payee.livemode();
    s.merchantName = payee.merchantName();
    s.gatewayAccountId = payee.gatewayAccountId();
    s.amount = req.amount().minorUnits();
    s.currency = req.amount().currencyCode();
    s.description = req.description();
    s.items = req.items().toArray(String[]::new);
    s.mode = req.mode();
    s.priceId = req.priceId();
    s.customerId = req.customerId();
    s.returnUrl = req.returnUrl();
    s.open(Timestamps.now(clock), ttl);
    return s.<CheckoutSession>persist().call(events::sessionCreated);
  }

  /**
   * The session a buyer's page or a public call names. Public: the session id is the buyer's
   * credential, so there is no tenant to filter on here.
   */
  @WithSession
  public Uni<CheckoutSession> find(String id) {
    if (!Ids.looksLike(id, CheckoutSession.ID_PREFIX)) {
      return Uni.createFrom().failure(new SessionNotFound(id));
    }
    return CheckoutSession.<CheckoutSession>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> new SessionNotFound(id));
  }
}
