package dev.payplatform.checkout.service.intents;

import dev.payplatform.checkout.config.PublicUrls;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.InvalidCheckoutLink;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.SessionExpired;
import dev.payplatform.checkout.domain.SessionNotFound;
import dev.payplatform.checkout.domain.SubscriptionNotPayable;
import dev.payplatform.checkout.domain.WrongEndpointForSessionMode;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.checkout.service.catalog.CatalogReadModel;
import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.InstantSource;
import java.util.List;

/**
 * The payment intent a buyer pays: one per session (created on the session's first intent call),
 * one per checkout token's payment id (hosted payment, link visit, invoice). Asking again answers
 * the same open intent.
 */
@ApplicationScoped
public class IntentCreation {
  private static final String PAYMENT_LOCK =
      "select 1 from (select pg_advisory_xact_lock(hashtext(cast(?1 as text)))) as payment_lock";
  private static final List<String> TOKEN_PURPOSES =
      List.of(
          PaymentIntent.PURPOSE_PAYMENT, PaymentIntent.PURPOSE_LINK, PaymentIntent.PURPOSE_INVOICE);

  private final CheckoutEvents events;
  private final CatalogReadModel catalog;
  private final IntentReads intents;
  private final InstantSource clock;

  public IntentCreation(
      CheckoutEvents events, CatalogReadModel catalog, IntentReads intents, InstantSource clock) {
    this.events = events;
    this.catalog = catalog;
    this.intents = intents;
    this.clock = clock;
  }

  /**
   * The open intent of a session, created on first call. A subscription-mode session is paid
   * through {@code POST /v1/payments/subscription} (which also asks billing to create the
   * subscription), a payment-mode session through {@code POST /v1/payments/intent}.
   */
  @WithTransaction
  public Uni<PaymentIntent> forSession(String sessionId, boolean subscriptionEndpoint) {
    if (!Ids.looksLike(sessionId, CheckoutSession.ID_PREFIX)) {
      return Uni.createFrom().failure(new SessionNotFound(sessionId));
    }
    return CheckoutSession.<CheckoutSession>findById(sessionId, LockModeType.PESSIMISTIC_WRITE)
        .onItem()
        .ifNull()
        .failWith(() -> new SessionNotFound(sessionId))
        .chain(
            s -> {
              if (s.isSubscription() != subscriptionEndpoint) {
                throw new WrongEndpointForSessionMode(s.isSubscription());
              }
              s.requireOpen(Timestamps.now(clock));
              if (s.paymentIntentId != null) {
                return existingIntentOf(s);
              }
              if (!s.isSubscription()) {
                return createForSession(s);
              }
              // Never a charge with no subscription behind it: the plan and customer are still
              // this merchant's (checked at session creation; sessions from before that check).
              return catalog
                  .subscribable(s.merchantId, s.livemode, s.priceId, s.customerId)
                  .chain(
                      known -> {
                        if (!known) {
                          throw new SubscriptionNotPayable();
                        }
                        return createForSession(s);
                      });
            });
  }

  private Uni<PaymentIntent> existingIntentOf(CheckoutSession s) {
    return PaymentIntent.<PaymentIntent>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            s.paymentIntentId,
            s.merchantId,
            s.livemode)
        .<PaymentIntent>firstResult()
        .map(
            pi -> {
              if (pi == null || !pi.isOpen()) {
                throw new SessionExpired();
              }
              return pi;
            });
  }

  private Uni<PaymentIntent> createForSession(CheckoutSession s) {
    PaymentIntent pi =
        PaymentIntent.open(
            s.merchantId,
            s.livemode,
            PaymentIntent.PURPOSE_SESSION,
            s.id,
            Ids.payment(),
            s.amount,
            s.currency,
            Timestamps.now(clock));
    pi.merchantName = s.merchantName;
    pi.gatewayAccountId = s.gatewayAccountId;
    pi.sessionId = s.id;
    pi.customerId = s.customerId;
    pi.description = s.description;
    pi.items = s.items;
    pi.returnUrl = s.returnUrl;
    pi.checkoutPageUrl = PublicUrls.sessionPagePath(s.id);
    pi.savePaymentMethod = s.isSubscription();
    s.paymentIntentId = pi.id;
    s.paymentId = pi.paymentId;
    Uni<PaymentIntent> created = pi.<PaymentIntent>persist().call(events::intentCreated);
    if (s.isSubscription()) {
      created = created.call(p -> events.subscriptionRequested(s, p));
    }
    return created;
  }

  /**
   * The intent of a checkout token's payment (hosted payment, link visit, invoice), created on
   * first call. The token is verified already; one payment id has one intent.
   */
  @WithTransaction
  public Uni<PaymentIntent> forToken(CheckoutClaims claims, String token) {
    String purpose = claims.purpose();
    if (!TOKEN_PURPOSES.contains(purpose) || !Ids.looksLike(claims.paymentId(), Ids.PAYMENT)) {
      return Uni.createFrom().failure(new InvalidCheckoutLink());
    }
    Money amount;
    try {
      amount =
          Money.ofMinorUnits(
              claims.amountMinor(), Money.parseCurrency(claims.currency(), "token", "currency"));
    } catch (ValidationFailedException e) {
      return Uni.createFrom().failure(new InvalidCheckoutLink());
    }
    // Two first visits at once must not create two intents for one payment.
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(PAYMENT_LOCK)
                    .setParameter(1, claims.paymentId())
                    .getSingleResult())
        .chain(
            locked ->
                intents.findByPayment(claims.merchantId(), claims.livemode(), claims.paymentId()))
        .chain(
            existing -> {
              if (existing != null) {
                existing.requireOpen();
                return Uni.createFrom().item(existing);
              }
              return createForToken(claims, token, amount);
            });
  }

  private Uni<PaymentIntent> createForToken(CheckoutClaims claims, String token, Money amount) {
    String purpose = claims.purpose();
    PaymentIntent pi =
        PaymentIntent.open(
            claims.merchantId(),
            claims.livemode(),
            purpose,
            claims.reference(),
            claims.paymentId(),
            amount.minorUnits(),
            amount.currencyCode(),
            Timestamps.now(clock));
    pi.merchantName = claims.merchantName();
    pi.gatewayAccountId = claims.gatewayAccountId();
    pi.customerId = claims.customerId();
    pi.description = claims.description();
    pi.items = claims.items().toArray(String[]::new);
    pi.returnUrl = claims.returnUrl();
    pi.checkoutPageUrl = PublicUrls.payPagePath(claims.paymentId(), token);
    pi.expiresAt = claims.expiresAt();
    if (PaymentIntent.PURPOSE_LINK.equals(purpose)) {
      pi.paymentLinkId = claims.reference();
    } else if (PaymentIntent.PURPOSE_INVOICE.equals(purpose)) {
      pi.invoiceId = claims.reference();
      pi.savePaymentMethod = true;
    }
    return pi.<PaymentIntent>persist().call(events::intentCreated);
  }
}
