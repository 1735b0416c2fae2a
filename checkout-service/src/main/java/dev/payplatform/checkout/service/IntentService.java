package dev.payplatform.checkout.service;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.config.PublicUrls;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentAttempt;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.Timestamps;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.checkout.processor.CardDetails;
import dev.payplatform.checkout.processor.CardProcessor;
import dev.payplatform.checkout.processor.CardProcessors;
import dev.payplatform.checkout.processor.DeclineReasons;
import dev.payplatform.checkout.processor.ProcessorAccount;
import dev.payplatform.checkout.processor.ProcessorResult;
import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Payment intents: created for a session, a checkout token or an off-session charge; confirmed in
 * two transactions around the processor call (so no database transaction waits on a gateway); and
 * settled by applying the processor's answer. Status changes go through {@link
 * PaymentIntent#moveTo}, i.e. the one state machine.
 */
@ApplicationScoped
public class IntentService {
  private static final Logger LOG = Logger.getLogger(IntentService.class);
  public static final String CANCELED_TOO_MANY_FAILURES = "too_many_failed_attempts";
  public static final String CANCELED_SESSION_EXPIRED = "session_expired";
  public static final String CANCELED_EXPIRED = "expired";
  private static final String PAYMENT_LOCK =
      "select 1 from (select pg_advisory_xact_lock(hashtext(cast(?1 as text)))) as payment_lock";

  private final CheckoutEvents events;
  private final CardProcessors processors;
  private final CardFingerprints fingerprints;
  private final FraudRules fraud;
  private final PublicUrls urls;
  private final CatalogReadModel catalog;
  private final int maxFailedAttempts;

  public IntentService(
      CheckoutEvents events,
      CardProcessors processors,
      CardFingerprints fingerprints,
      FraudRules fraud,
      PublicUrls urls,
      CatalogReadModel catalog,
      CheckoutConfig config) {
    this.events = events;
    this.processors = processors;
    this.fingerprints = fingerprints;
    this.fraud = fraud;
    this.urls = urls;
    this.catalog = catalog;
    this.maxFailedAttempts = config.intent().maxFailedAttempts();
  }

  /** The processor's answer applied: the intent, and for a challenge the buyer's URL. */
  public record ConfirmOutcome(PaymentIntent intent, String challengeUrl, Decline decline) {}

  /** A declined confirmation, answered 402. */
  public record Decline(String reason, String message) {}

  /**
   * The first transaction of a confirmation: either finished already (refused before the processor:
   * fraud rules, no live connector) or ready for {@code processor}.
   */
  public record Begun(
      PaymentIntent intent,
      ConfirmOutcome finished,
      CardProcessor processor,
      ProcessorAccount account,
      String fingerprint) {}

  // ---------------------------------------------------------------- creating intents

  /**
   * The open intent of a session, created on first call. A subscription-mode session is paid
   * through {@code POST /v1/payments/subscription} (which also asks billing to create the
   * subscription), a payment-mode session through {@code POST /v1/payments/intent}.
   */
  @WithTransaction
  public Uni<PaymentIntent> forSession(String sessionId, boolean subscriptionEndpoint) {
    if (!Ids.looksLike(sessionId, CheckoutSession.ID_PREFIX)) {
      return Uni.createFrom().failure(SessionService.notFound(sessionId));
    }
    return CheckoutSession.<CheckoutSession>findById(sessionId, LockModeType.PESSIMISTIC_WRITE)
        .onItem()
        .ifNull()
        .failWith(() -> SessionService.notFound(sessionId))
        .chain(
            s -> {
              if (s.isSubscription() && !subscriptionEndpoint) {
                throw ApiException.badRequest(
                    "This is a subscription-mode checkout session: create its payment intent with"
                        + " POST /v1/payments/subscription.");
              }
              if (!s.isSubscription() && subscriptionEndpoint) {
                throw ApiException.badRequest(
                    "This checkout session is in payment mode: create its payment intent with"
                        + " POST /v1/payments/intent.");
              }
              requireOpen(s, Timestamps.now());
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
                          throw ApiException.conflict(
                              "This subscription's plan or customer is not known to this"
                                  + " account, so it cannot be paid.");
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
                throw sessionClosed();
              }
              return pi;
            });
  }

  private Uni<PaymentIntent> createForSession(CheckoutSession s) {
    PaymentIntent pi =
        newIntent(
            s.merchantId,
            s.livemode,
            PaymentIntent.PURPOSE_SESSION,
            s.id,
            Ids.newId("pay"),
            s.amount,
            s.currency);
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
    if (!List.of(
                PaymentIntent.PURPOSE_PAYMENT,
                PaymentIntent.PURPOSE_LINK,
                PaymentIntent.PURPOSE_INVOICE)
            .contains(purpose)
        || !Ids.looksLike(claims.paymentId(), "pay")) {
      return Uni.createFrom().failure(InvalidLink.invalid());
    }
    Money amount;
    try {
      amount =
          Money.ofMinorUnits(
              claims.amountMinor(), Money.parseCurrency(claims.currency(), "token", "currency"));
    } catch (ValidationFailedException e) {
      return Uni.createFrom().failure(InvalidLink.invalid());
    }
    // Two first visits at once must not create two intents for one payment.
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(PAYMENT_LOCK)
                    .setParameter(1, claims.paymentId())
                    .getSingleResult())
        .chain(locked -> findByPayment(claims.merchantId(), claims.livemode(), claims.paymentId()))
        .chain(
            existing -> {
              if (existing != null) {
                requireOpen(existing);
                return Uni.createFrom().item(existing);
              }
              PaymentIntent pi =
                  newIntent(
                      claims.merchantId(),
                      claims.livemode(),
                      purpose,
                      claims.reference(),
                      claims.paymentId(),
                      amount.minorUnits(),
                      amount.currencyCode());
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
            });
  }

  /** A checkout token whose claims this service cannot honour. */
  public static final class InvalidLink extends ApiException {
    static final InvalidLink INSTANCE = new InvalidLink();

    public static InvalidLink invalid() {
      return INSTANCE;
    }

    private InvalidLink() {
      super(400, "Invalid checkout link", "This checkout link is not valid.");
    }
  }

  @WithSession
  public Uni<PaymentIntent> findByPayment(String merchantId, boolean livemode, String paymentId) {
    return PaymentIntent.find(
            "paymentId = ?1 and merchantId = ?2 and livemode = ?3", paymentId, merchantId, livemode)
        .<PaymentIntent>firstResult();
  }

  /** An intent by id, for the buyer's pages (bound by the challenge token they carry). */
  @WithSession
  public Uni<PaymentIntent> find(String intentId) {
    if (!Ids.looksLike(intentId, PaymentIntent.ID_PREFIX)) {
      return Uni.createFrom().nullItem();
    }
    return PaymentIntent.findById(intentId);
  }

  private static PaymentIntent newIntent(
      String merchantId,
      boolean livemode,
      String purpose,
      String reference,
      String paymentId,
      long amount,
      String currency) {
    Instant now = Timestamps.now();
    PaymentIntent pi = new PaymentIntent();
    pi.id = Ids.newId(PaymentIntent.ID_PREFIX);
    pi.clientSecret = Ids.clientSecret(pi.id);
    pi.merchantId = merchantId;
    pi.livemode = livemode;
    pi.purpose = purpose;
    pi.reference = reference;
    pi.paymentId = paymentId;
    pi.amount = amount;
    pi.currency = currency;
    pi.items = new String[0];
    pi.status = IntentStatus.REQUIRES_PAYMENT_METHOD;
    pi.createdAt = now;
    pi.updatedAt = now;
    return pi;
  }

  // ---------------------------------------------------------------- confirming

  /**
   * Transaction one of a confirmation: checks the client secret and the intent's state, moves it to
   * processing (so a concurrent confirmation gets a 409), and runs the checks that need no
   * processor: a live connector exists, the fraud rules pass.
   */
  @WithTransaction
  public Uni<Begun> beginConfirm(
      String intentId, String clientSecret, CardDetails card, String email, String clientAddress) {
    return lockIntent(intentId)
        .map(
            pi -> {
              if (pi == null || !constantTimeEquals(clientSecret, pi.clientSecret)) {
                throw intentNotFound(intentId);
              }
              return pi;
            })
        .call(this::requireConfirmable)
        .chain(
            pi -> {
              String fingerprint = fingerprints.of(card.number());
              if (email != null) {
                pi.customerEmail = email;
              }
              pi.recordCard(card.summary(null, fingerprint));
              pi.clientAddress = ClientAddresses.clean(clientAddress);
              pi.startProcessing(Ids.newId(PaymentAttempt.ID_PREFIX));
              ProcessorAccount account = accountOf(pi);
              Optional<CardProcessor> processor = processors.forAccount(account);
              if (processor.isEmpty()) {
                return decline(pi, DeclineReasons.LIVE_MODE_UNAVAILABLE, null)
                    .map(done -> new Begun(pi, done, null, account, fingerprint));
              }
              return fraud
                  .check(pi, card, fingerprint)
                  .chain(
                      blocked ->
                          blocked.isPresent()
                              ? decline(pi, DeclineReasons.FRAUDULENT, blocked.get())
                                  .map(done -> new Begun(pi, done, null, account, fingerprint))
                              : Uni.createFrom()
                                  .item(
                                      new Begun(pi, null, processor.get(), account, fingerprint)));
            });
  }

  /**
   * Transaction one of a 3-D Secure answer: the one-time challenge token must match, and it is
   * spent here whatever the answer.
   */
  @WithTransaction
  public Uni<Begun> beginChallengeAnswer(String intentId, String challengeToken) {
    return lockIntent(intentId)
        .map(
            pi -> {
              if (pi == null
                  || pi.status != IntentStatus.REQUIRES_ACTION
                  || !CardFingerprints.matches(challengeToken, pi.challengeTokenHash)) {
                throw challengeNotFound();
              }
              return pi;
            })
        .call(this::requireConfirmable)
        .map(
            pi -> {
              pi.challengeTokenHash = null;
              pi.startProcessing(Ids.newId(PaymentAttempt.ID_PREFIX));
              ProcessorAccount account = accountOf(pi);
              CardProcessor processor =
                  processors.forAccount(account).orElseThrow(IllegalStateException::new);
              return new Begun(pi, null, processor, account, pi.cardFingerprint);
            });
  }

  /**
   * Transaction two: applies the processor's answer to the call made under {@code reference}. An
   * answer to any other call (the intent was resolved meanwhile, e.g. by reconciliation) is
   * ignored.
   */
  @WithTransaction
  public Uni<ConfirmOutcome> finish(
      String intentId, String reference, ProcessorResult result, String fingerprint) {
    return lockIntent(intentId)
        .chain(
            pi -> {
              if (pi.status != IntentStatus.PROCESSING
                  || !reference.equals(pi.processorReference)) {
                LOG.warnf(
                    "ignoring the answer to %s for %s, which is %s under %s",
                    reference, pi.id, pi.status.wire(), pi.processorReference);
                return Uni.createFrom().item(new ConfirmOutcome(pi, null, null));
              }
              return apply(pi, result, fingerprint);
            });
  }

  /**
   * Applies a processor's answer found later (reconciliation) to an intent locked in processing.
   */
  public Uni<ConfirmOutcome> applyFound(PaymentIntent pi, ProcessorResult result) {
    return apply(pi, result, null);
  }

  /**
   * The processor has nothing under the intent's reference, so no charge was made: a failed attempt
   * ({@code processing_error}, not counted against the buyer), {@code
   * payment_intent.payment_failed}, and the intent is open again, or canceled when its session or
   * checkout link expired meanwhile. Runs on an intent locked in processing.
   */
  public Uni<ConfirmOutcome> releaseUnanswered(PaymentIntent pi) {
    String message = DeclineReasons.message(DeclineReasons.PROCESSING_ERROR);
    pi.lastDeclineReason = DeclineReasons.PROCESSING_ERROR;
    pi.lastFailureMessage = message;
    pi.authenticationRef = null;
    pi.moveTo(IntentStatus.REQUIRES_PAYMENT_METHOD);
    LOG.infof(
        "payment intent %s released: the processor has nothing under %s",
        pi.id, pi.processorReference);
    Decline decline = new Decline(DeclineReasons.PROCESSING_ERROR, message);
    return attempt(pi, PaymentAttempt.FAILED, DeclineReasons.PROCESSING_ERROR, message)
        .call(() -> events.intentPaymentFailed(pi))
        .call(() -> cancelIfClosedMeanwhile(pi))
        .replaceWith(() -> new ConfirmOutcome(pi, null, decline));
  }

  private Uni<Void> cancelIfClosedMeanwhile(PaymentIntent pi) {
    Instant now = Timestamps.now();
    if (pi.hasExpired(now)) {
      return cancel(pi, CANCELED_EXPIRED);
    }
    if (pi.sessionId == null) {
      return Uni.createFrom().voidItem();
    }
    return CheckoutSession.<CheckoutSession>findById(pi.sessionId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            s ->
                s != null && CheckoutSession.EXPIRED.equals(s.effectiveStatus(now))
                    ? closeSessionOrCancel(s, pi)
                    : Uni.createFrom().voidItem());
  }

  // The sweep skipped this intent while it was processing: finish what it would have done.
  private Uni<Void> closeSessionOrCancel(CheckoutSession s, PaymentIntent pi) {
    if (CheckoutSession.OPEN.equals(s.status)) {
      return closeSession(s);
    }
    return cancel(pi, CANCELED_SESSION_EXPIRED);
  }

  /**
   * Charges a saved payment method for an invoice, without the buyer (billing's {@code
   * invoice.charge_requested}). Runs inside the consumer's transaction; a payment id already
   * charged is not charged again.
   */
  public Uni<PaymentIntent> chargeOffSession(OffSessionCharge req) {
    return findByPayment(req.merchantId(), req.livemode(), req.paymentId())
        .chain(
            existing -> {
              if (existing != null) {
                LOG.infof(
                    "payment %s already has intent %s (%s); not charged again",
                    req.paymentId(), existing.id, existing.status.wire());
                return answerAgain(existing).replaceWith(existing);
              }
              PaymentIntent pi =
                  newIntent(
                      req.merchantId(),
                      req.livemode(),
                      PaymentIntent.PURPOSE_INVOICE,
                      req.invoiceId(),
                      req.paymentId(),
                      req.amount(),
                      req.currency());
              pi.invoiceId = req.invoiceId();
              pi.subscriptionId = req.subscriptionId();
              pi.customerId = req.customerId();
              pi.description = req.description();
              pi.paymentMethodId = req.paymentMethodId();
              pi.gatewayAccountId = req.gatewayAccountId();
              pi.offSession = true;
              return pi.<PaymentIntent>persist()
                  .call(events::intentCreated)
                  .chain(() -> fingerprintOfSavedCard(pi))
                  .chain(
                      fingerprint -> {
                        // One reference per payment, so a redelivered charge request (after a
                        // rollback the processor did not see) is answered, never charged twice.
                        pi.startProcessing(offSessionReference(req.paymentId()));
                        ProcessorAccount account = accountOf(pi);
                        Optional<CardProcessor> processor = processors.forAccount(account);
                        if (processor.isEmpty()) {
                          return decline(pi, DeclineReasons.LIVE_MODE_UNAVAILABLE, null);
                        }
                        Optional<String> blocked = fraud.checkAmount(pi);
                        if (blocked.isPresent()) {
                          return decline(pi, DeclineReasons.FRAUDULENT, blocked.get());
                        }
                        return processor
                            .get()
                            .chargeSaved(
                                account,
                                req.paymentMethodId(),
                                pi.amount,
                                pi.currency,
                                pi.processorReference)
                            .chain(result -> apply(pi, result, fingerprint));
                      })
                  .replaceWith(pi);
            });
  }

  /**
   * Billing asked again for a charge it already asked for: its answer deadline passed, so our
   * answer was lost or late. The outcome is repeated, never the charge; an intent still processing
   * is answered by reconciliation.
   */
  private Uni<?> answerAgain(PaymentIntent pi) {
    return switch (pi.status) {
      case SUCCEEDED -> events.intentSucceeded(pi);
      case REQUIRES_PAYMENT_METHOD, CANCELED ->
          pi.failedAttempts > 0 || pi.lastDeclineReason != null
              ? events.intentPaymentFailed(pi)
              : Uni.createFrom().voidItem();
      default -> Uni.createFrom().voidItem();
    };
  }

  static String offSessionReference(String paymentId) {
    return PaymentAttempt.ID_PREFIX + "_" + paymentId.substring(paymentId.indexOf('_') + 1);
  }

  /** What billing asks to be charged off-session. */
  public record OffSessionCharge(
      String merchantId,
      boolean livemode,
      String invoiceId,
      String subscriptionId,
      String customerId,
      String paymentId,
      String paymentMethodId,
      long amount,
      String currency,
      String description,
      String gatewayAccountId) {}

  // The fingerprint is checkout's, not the processor's: take it from the intent that saved the
  // card.
  private Uni<String> fingerprintOfSavedCard(PaymentIntent pi) {
    return PaymentIntent.<PaymentIntent>find(
            "merchantId = ?1 and livemode = ?2 and paymentMethodId = ?3 and status = ?4"
                + " and offSession = false",
            pi.merchantId,
            pi.livemode,
            pi.paymentMethodId,
            IntentStatus.SUCCEEDED)
        .<PaymentIntent>firstResult()
        .map(origin -> origin == null ? null : origin.cardFingerprint);
  }

  // ---------------------------------------------------------------- applying outcomes

  private Uni<ConfirmOutcome> apply(PaymentIntent pi, ProcessorResult r, String fingerprint) {
    if (pi.status != IntentStatus.PROCESSING) {
      // Only a confirmation that moved the intent to processing may settle it.
      LOG.warnf("ignoring a processor answer for %s, which is %s", pi.id, pi.status.wire());
      return Uni.createFrom().item(new ConfirmOutcome(pi, null, null));
    }
    if (r.card() != null) {
      pi.recordCard(
          r.card().withFingerprint(fingerprint != null ? fingerprint : pi.cardFingerprint));
    }
    return switch (r.outcome()) {
      case SUCCEEDED -> succeed(pi, r);
      case CHALLENGE_REQUIRED -> challenge(pi, r);
      case DECLINED -> decline(pi, r.declineReason(), r.message());
    };
  }

  private Uni<ConfirmOutcome> succeed(PaymentIntent pi, ProcessorResult r) {
    pi.chargeRef = r.chargeRef();
    if (r.paymentMethodId() != null) {
      pi.paymentMethodId = r.paymentMethodId();
    }
    pi.authenticationRef = null;
    pi.moveTo(IntentStatus.SUCCEEDED);
    pi.succeededAt = pi.updatedAt;
    LOG.infof(
        "payment intent %s succeeded (%s, %s card ****%s)",
        pi.id, pi.paymentId, pi.cardBrand, pi.cardLast4);
    Uni<?> done =
        attempt(pi, PaymentAttempt.SUCCEEDED, null, null).call(() -> events.intentSucceeded(pi));
    if (pi.sessionId != null) {
      done = done.chain(() -> completeSession(pi));
    }
    return done.replaceWith(() -> new ConfirmOutcome(pi, null, null));
  }

  private Uni<Void> completeSession(PaymentIntent pi) {
    return CheckoutSession.<CheckoutSession>findById(pi.sessionId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            s -> {
              if (s == null || CheckoutSession.COMPLETE.equals(s.status)) {
                return Uni.createFrom().voidItem();
              }
              s.status = CheckoutSession.COMPLETE;
              s.completedAt = Timestamps.now();
              return events.sessionCompleted(s, pi).replaceWithVoid();
            });
  }

  private Uni<ConfirmOutcome> challenge(PaymentIntent pi, ProcessorResult r) {
    String token = Ids.randomToken(24);
    pi.challengeTokenHash = CardFingerprints.sha256(token);
    pi.authenticationRef = r.authenticationRef();
    pi.moveTo(IntentStatus.REQUIRES_ACTION);
    return attempt(pi, PaymentAttempt.REQUIRES_ACTION, null, null)
        .call(() -> events.intentRequiresAction(pi, urls.challengePage(pi.id)))
        .replaceWith(() -> new ConfirmOutcome(pi, urls.challengePage(pi.id, token), null));
  }

  /** A failed attempt: counted, recorded, emitted; the last allowed one cancels the intent. */
  private Uni<ConfirmOutcome> decline(PaymentIntent pi, String reason, String message) {
    String failure = message != null ? message : DeclineReasons.message(reason);
    pi.failedAttempts++;
    pi.lastDeclineReason = reason;
    pi.lastFailureMessage = failure;
    pi.authenticationRef = null;
    boolean last = !pi.offSession && pi.failedAttempts >= maxFailedAttempts;
    LOG.infof(
        "payment intent %s declined: %s (attempt %d, %s card ****%s)",
        pi.id, reason, pi.failedAttempts, pi.cardBrand, pi.cardLast4);
    Uni<?> done = attempt(pi, PaymentAttempt.FAILED, reason, failure);
    if (last) {
      // Emitted while processing, before the cancel, so payment_failed precedes canceled.
      done =
          done.call(() -> events.intentPaymentFailed(pi))
              .call(() -> cancel(pi, CANCELED_TOO_MANY_FAILURES));
      String canceled = failure + " Too many failed attempts: this payment has been canceled.";
      return done.replaceWith(() -> new ConfirmOutcome(pi, null, new Decline(reason, canceled)));
    }
    pi.moveTo(IntentStatus.REQUIRES_PAYMENT_METHOD);
    return done.call(() -> events.intentPaymentFailed(pi))
        .replaceWith(() -> new ConfirmOutcome(pi, null, new Decline(reason, failure)));
  }

  /**
   * Cancels an open intent and emits {@code payment_intent.canceled}. Too many failures also close
   * the intent's session, so a card tester cannot simply ask the session for a fresh intent.
   */
  public Uni<Void> cancel(PaymentIntent pi, String reason) {
    if (!pi.isOpen()) {
      return Uni.createFrom().voidItem();
    }
    pi.moveTo(IntentStatus.CANCELED);
    pi.cancellationReason = reason;
    pi.canceledAt = pi.updatedAt;
    pi.challengeTokenHash = null;
    Uni<String> emitted = events.intentCanceled(pi);
    if (CANCELED_TOO_MANY_FAILURES.equals(reason) && pi.sessionId != null) {
      return emitted
          .chain(
              () ->
                  CheckoutSession.<CheckoutSession>findById(
                      pi.sessionId, LockModeType.PESSIMISTIC_WRITE))
          .chain(this::closeSession);
    }
    return emitted.replaceWithVoid();
  }

  /**
   * Expires an open session now: emits {@code checkout.session.expired} and cancels its open intent
   * ({@code session_expired}); an intent in the middle of a processor call is left to finish.
   * Called by the expiry sweep inside its transaction.
   */
  public Uni<Void> closeSession(CheckoutSession s) {
    if (s == null || !CheckoutSession.OPEN.equals(s.status)) {
      return Uni.createFrom().voidItem();
    }
    s.status = CheckoutSession.EXPIRED;
    s.expiredAt = Timestamps.now();
    Uni<?> done = events.sessionExpired(s);
    if (s.paymentIntentId == null) {
      return done.replaceWithVoid();
    }
    return done.chain(
            () ->
                PaymentIntent.<PaymentIntent>find(
                        "id = ?1 and merchantId = ?2 and livemode = ?3",
                        s.paymentIntentId,
                        s.merchantId,
                        s.livemode)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .<PaymentIntent>firstResult())
        .chain(
            pi ->
                pi != null && pi.isOpen() && pi.status != IntentStatus.PROCESSING
                    ? cancel(pi, CANCELED_SESSION_EXPIRED)
                    : Uni.createFrom().voidItem());
  }

  private Uni<PaymentAttempt> attempt(
      PaymentIntent pi, String outcome, String declineReason, String failureMessage) {
    PaymentAttempt a = new PaymentAttempt();
    // The processor call's reference: one call, one attempt (a second row would be a bug).
    a.id =
        pi.processorReference != null ? pi.processorReference : Ids.newId(PaymentAttempt.ID_PREFIX);
    a.paymentIntentId = pi.id;
    a.merchantId = pi.merchantId;
    a.livemode = pi.livemode;
    a.outcome = outcome;
    a.declineReason = declineReason;
    a.failureMessage = failureMessage;
    a.cardBrand = pi.cardBrand;
    a.cardLast4 = pi.cardLast4;
    a.cardFingerprint = pi.cardFingerprint;
    a.offSession = pi.offSession;
    a.clientAddress = pi.offSession ? null : pi.clientAddress;
    a.createdAt = Timestamps.now();
    return a.persist();
  }

  // ---------------------------------------------------------------- rules

  /** A confirmation may start: the intent is open and idle, its session or token still valid. */
  private Uni<Void> requireConfirmable(PaymentIntent pi) {
    requireOpen(pi);
    if (pi.status == IntentStatus.PROCESSING) {
      throw ApiException.conflict("A confirmation of this payment is already in progress.");
    }
    Instant now = Timestamps.now();
    if (pi.hasExpired(now)) {
      throw new ApiException(410, "Checkout expired", "This checkout link has expired.");
    }
    if (pi.sessionId == null) {
      return Uni.createFrom().voidItem();
    }
    return CheckoutSession.<CheckoutSession>findById(pi.sessionId)
        .invoke(
            s -> {
              if (s != null && !CheckoutSession.COMPLETE.equals(s.status)) {
                requireOpen(s, now);
              }
            })
        .replaceWithVoid();
  }

  private static void requireOpen(PaymentIntent pi) {
    if (pi.status == IntentStatus.SUCCEEDED) {
      throw ApiException.conflict("This payment has already succeeded.");
    }
    if (pi.status == IntentStatus.CANCELED) {
      throw new ApiException(
          410,
          "Payment canceled",
          switch (String.valueOf(pi.cancellationReason)) {
            case CANCELED_TOO_MANY_FAILURES ->
                "This payment was canceled after too many failed attempts.";
            case CANCELED_EXPIRED -> "This payment was canceled because its checkout link expired.";
            default -> "This payment was canceled because its checkout session expired.";
          });
    }
  }

  private static void requireOpen(CheckoutSession s, Instant now) {
    String status = s.effectiveStatus(now);
    if (CheckoutSession.COMPLETE.equals(status)) {
      throw ApiException.conflict("This checkout session is already complete.");
    }
    if (CheckoutSession.EXPIRED.equals(status)) {
      throw sessionClosed();
    }
  }

  private static ApiException sessionClosed() {
    return new ApiException(
        410, "Checkout session expired", "This checkout session has expired or was closed.");
  }

  private Uni<PaymentIntent> lockIntent(String intentId) {
    if (!Ids.looksLike(intentId, PaymentIntent.ID_PREFIX)) {
      return Uni.createFrom().nullItem();
    }
    return PaymentIntent.findById(intentId, LockModeType.PESSIMISTIC_WRITE);
  }

  static ProcessorAccount accountOf(PaymentIntent pi) {
    return new ProcessorAccount(pi.merchantId, pi.livemode, pi.gatewayAccountId);
  }

  static ApiException intentNotFound(String id) {
    return ApiException.notFound("Payment intent not found", "No such payment intent: " + id);
  }

  static ApiException challengeNotFound() {
    return ApiException.notFound(
        "Challenge not found", "This verification link is not valid or was already used.");
  }

  private static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return java.security.MessageDigest.isEqual(
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
