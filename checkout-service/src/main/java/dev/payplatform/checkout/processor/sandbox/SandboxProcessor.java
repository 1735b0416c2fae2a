package dev.payplatform.checkout.processor.sandbox;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.CardProcessor;
import dev.payplatform.processor.CardSummary;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import dev.payplatform.processor.RefundResult;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The built-in processor for test mode: follows the test-card table (docs/checkout.md, the sandbox
 * processor) and keeps its own records (challenges, saved cards, charges) in checkout's database,
 * as a real processor would on its side. It refuses live charges outright, so a live payment can
 * never be run through it.
 */
@ApplicationScoped
public class SandboxProcessor implements CardProcessor {
  private static final Logger LOG = Logger.getLogger(SandboxProcessor.class);
  static final String NOT_A_TEST_CARD =
      "Your card was declined: test mode accepts only the sandbox test cards (see the test-card"
          + " table in the documentation), and this number is not one of them.";

  private final InstantSource clock;
  private final Duration disputeDelay;

  public SandboxProcessor(InstantSource clock, CheckoutConfig config) {
    this.clock = clock;
    this.disputeDelay = config.sandbox().disputeDelay();
  }

  @Override
  @WithTransaction
  public Uni<ProcessorResult> authorize(
      ProcessorAccount account,
      CardDetails card,
      long amount,
      String currency,
      boolean savePaymentMethod,
      String reference) {
    if (account.livemode()) {
      return Uni.createFrom().item(refuseLive(null));
    }
    return once(
        account, reference, () -> authorizeNow(account, card, amount, currency, savePaymentMethod));
  }

  private Uni<ProcessorResult> authorizeNow(
      ProcessorAccount account,
      CardDetails card,
      long amount,
      String currency,
      boolean savePaymentMethod) {
    Optional<SandboxBehaviour> known = SandboxCards.behaviour(card.number());
    CardSummary summary = card.summary(known.isPresent() ? SandboxCards.COUNTRY : null, null);
    if (known.isEmpty()) {
      return Uni.createFrom()
          .item(ProcessorResult.declined(summary, DeclineReasons.CARD_DECLINED, NOT_A_TEST_CARD));
    }
    SandboxBehaviour behaviour = known.get();
    if (behaviour.declineReason() != null) {
      return Uni.createFrom().item(ProcessorResult.declined(summary, behaviour.declineReason()));
    }
    if (behaviour.challengesOnSession()) {
      SandboxAuthentication auth = new SandboxAuthentication();
      auth.id = Ids.newId("auth");
      auth.merchantId = account.merchantId();
      auth.livemode = false;
      auth.behaviour = behaviour;
      auth.cardBrand = summary.brand();
      auth.cardLast4 = summary.last4();
      auth.cardExpMonth = summary.expMonth();
      auth.cardExpYear = summary.expYear();
      auth.cardCountry = summary.country();
      auth.amount = amount;
      auth.currency = currency;
      auth.savePaymentMethod = savePaymentMethod;
      auth.status = SandboxAuthentication.PENDING;
      auth.createdAt = Timestamps.now(clock);
      return auth.persist().replaceWith(() -> ProcessorResult.challenge(summary, auth.id));
    }
    return capture(account, summary, behaviour, amount, currency, savePaymentMethod);
  }

  @Override
  @WithTransaction
  public Uni<ProcessorResult> completeChallenge(
      ProcessorAccount account, String authenticationRef, boolean authenticated, String reference) {
    if (account.livemode()) {
      return Uni.createFrom().item(refuseLive(null));
    }
    return once(
        account, reference, () -> completeChallengeNow(account, authenticationRef, authenticated));
  }

  private Uni<ProcessorResult> completeChallengeNow(
      ProcessorAccount account, String authenticationRef, boolean authenticated) {
    return SandboxAuthentication.<SandboxAuthentication>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            authenticationRef,
            account.merchantId(),
            account.livemode())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .<SandboxAuthentication>firstResult()
        .chain(
            auth -> {
              if (auth == null || !SandboxAuthentication.PENDING.equals(auth.status)) {
                return Uni.createFrom()
                    .item(
                        ProcessorResult.declined(
                            auth == null ? null : summary(auth),
                            DeclineReasons.AUTHENTICATION_FAILED,
                            "This 3-D Secure challenge is unknown or was already answered."));
              }
              CardSummary summary = summary(auth);
              if (!authenticated) {
                auth.status = SandboxAuthentication.FAILED;
                return Uni.createFrom()
                    .item(ProcessorResult.declined(summary, DeclineReasons.AUTHENTICATION_FAILED));
              }
              auth.status = SandboxAuthentication.SUCCEEDED;
              return capture(
                  account,
                  summary,
                  auth.behaviour,
                  auth.amount,
                  auth.currency,
                  auth.savePaymentMethod);
            });
  }

  @Override
  @WithTransaction
  public Uni<RefundResult> refund(
      ProcessorAccount account, String chargeRef, long amount, String currency, String refundId) {
    if (account.livemode()) {
      return Uni.createFrom().item(RefundResult.failed(DeclineReasons.LIVE_MODE_UNAVAILABLE));
    }
    return SandboxCharge.<SandboxCharge>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            chargeRef,
            account.merchantId(),
            account.livemode())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .<SandboxCharge>firstResult()
        .map(
            charge -> {
              if (charge == null) {
                return RefundResult.failed("charge_not_found");
              }
              if (!charge.currency.equals(currency)) {
                return RefundResult.failed("currency_mismatch");
              }
              if (amount <= 0 || amount > charge.amount - charge.amountRefunded) {
                return RefundResult.failed("amount_exceeds_refundable");
              }
              charge.amountRefunded += amount;
              LOG.debugf(
                  "sandbox refunded %d %s of %s for %s", amount, currency, chargeRef, refundId);
              return RefundResult.ok(Ids.newId("rfd"));
            });
  }

  @Override
  @WithTransaction
  public Uni<ProcessorResult> chargeSaved(
      ProcessorAccount account,
      String paymentMethodId,
      long amount,
      String currency,
      String reference) {
    if (account.livemode()) {
      return Uni.createFrom().item(refuseLive(null));
    }
    return once(
        account, reference, () -> chargeSavedNow(account, paymentMethodId, amount, currency));
  }

  @Override
  @WithTransaction
  public Uni<Optional<ProcessorResult>> lookup(ProcessorAccount account, String reference) {
    return SandboxOperation.<SandboxOperation>findById(reference, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            op -> {
              if (op != null) {
                return Uni.createFrom()
                    .item(sameTenant(op, account) ? op.result() : Optional.empty());
              }
              // Nothing under this reference: void it, so a call still on its way is refused.
              return SandboxOperation.voided(account, reference, Timestamps.now(clock))
                  .persist()
                  .replaceWith(Optional.<ProcessorResult>empty());
            });
  }

  /**
   * Runs {@code operation} once per reference: a repeated reference answers the stored result, a
   * voided one is refused without a charge. The operation and its record commit together.
   */
  private Uni<ProcessorResult> once(
      ProcessorAccount account, String reference, Supplier<Uni<ProcessorResult>> operation) {
    return SandboxOperation.<SandboxOperation>findById(reference, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            op -> {
              if (op != null) {
                Optional<ProcessorResult> stored =
                    sameTenant(op, account) ? op.result() : Optional.empty();
                return Uni.createFrom()
                    .item(
                        stored.orElseGet(
                            () ->
                                ProcessorResult.declined(
                                    null,
                                    DeclineReasons.PROCESSING_ERROR,
                                    "This payment attempt was already closed; no charge was"
                                        + " made.")));
              }
              return operation
                  .get()
                  .call(
                      result ->
                          SandboxOperation.of(account, reference, result, Timestamps.now(clock))
                              .persist());
            });
  }

  private static boolean sameTenant(SandboxOperation op, ProcessorAccount account) {
    return op.merchantId.equals(account.merchantId()) && op.livemode == account.livemode();
  }

  private Uni<ProcessorResult> chargeSavedNow(
      ProcessorAccount account, String paymentMethodId, long amount, String currency) {
    return SandboxPaymentMethod.<SandboxPaymentMethod>find(
            "id = ?1 and merchantId = ?2 and livemode = ?3",
            paymentMethodId,
            account.merchantId(),
            account.livemode())
        .<SandboxPaymentMethod>firstResult()
        .chain(
            pm -> {
              if (pm == null) {
                return Uni.createFrom()
                    .item(
                        ProcessorResult.declined(
                            null,
                            DeclineReasons.CARD_DECLINED,
                            "No such saved payment method: " + paymentMethodId + "."));
              }
              CardSummary summary =
                  new CardSummary(
                      pm.cardBrand,
                      pm.cardLast4,
                      pm.cardExpMonth,
                      pm.cardExpYear,
                      pm.cardCountry,
                      null);
              if (pm.behaviour.declineReason() != null) {
                return Uni.createFrom()
                    .item(ProcessorResult.declined(summary, pm.behaviour.declineReason()));
              }
              if (pm.behaviour == SandboxBehaviour.CHALLENGE_ALWAYS) {
                return Uni.createFrom()
                    .item(
                        ProcessorResult.declined(
                            summary,
                            DeclineReasons.AUTHENTICATION_FAILED,
                            "This card requires the cardholder to authenticate every payment;"
                                + " it cannot be charged off-session."));
              }
              return newCharge(account, pm.behaviour, amount, currency)
                  .map(ch -> ProcessorResult.succeeded(summary, ch.id, pm.id));
            });
  }

  private Uni<ProcessorResult> capture(
      ProcessorAccount account,
      CardSummary summary,
      SandboxBehaviour behaviour,
      long amount,
      String currency,
      boolean savePaymentMethod) {
    return newCharge(account, behaviour, amount, currency)
        .chain(
            charge -> {
              if (!savePaymentMethod) {
                return Uni.createFrom().item(ProcessorResult.succeeded(summary, charge.id, null));
              }
              SandboxPaymentMethod pm = new SandboxPaymentMethod();
              pm.id = Ids.newId("pm");
              pm.merchantId = account.merchantId();
              pm.livemode = account.livemode();
              pm.behaviour = behaviour;
              pm.cardBrand = summary.brand();
              pm.cardLast4 = summary.last4();
              pm.cardExpMonth = summary.expMonth();
              pm.cardExpYear = summary.expYear();
              pm.cardCountry = summary.country();
              pm.createdAt = Timestamps.now(clock);
              return pm.persist()
                  .replaceWith(() -> ProcessorResult.succeeded(summary, charge.id, pm.id));
            });
  }

  private Uni<SandboxCharge> newCharge(
      ProcessorAccount account, SandboxBehaviour behaviour, long amount, String currency) {
    SandboxCharge charge = new SandboxCharge();
    charge.id = Ids.newId("ch");
    charge.merchantId = account.merchantId();
    charge.livemode = account.livemode();
    charge.amount = amount;
    charge.currency = currency;
    charge.createdAt = Timestamps.now(clock);
    if (behaviour.disputeReason() != null) {
      // A disputing test card: its cardholder disputes the charge a while later (SandboxDisputes).
      charge.disputeReason = behaviour.disputeReason();
      charge.disputeInquiry = behaviour.disputeIsInquiry();
      charge.disputeDueAt = charge.createdAt.plus(disputeDelay);
    }
    return charge.persist().replaceWith(charge);
  }

  private static CardSummary summary(SandboxAuthentication auth) {
    return new CardSummary(
        auth.cardBrand,
        auth.cardLast4,
        auth.cardExpMonth,
        auth.cardExpYear,
        auth.cardCountry,
        null);
  }

  private static ProcessorResult refuseLive(CardSummary card) {
    return ProcessorResult.declined(card, DeclineReasons.LIVE_MODE_UNAVAILABLE);
  }
}
