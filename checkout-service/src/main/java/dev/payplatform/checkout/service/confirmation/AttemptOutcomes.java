package dev.payplatform.checkout.service.confirmation;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.config.PublicUrls;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentAttempt;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.SessionStatus;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.checkout.service.confirmation.ConfirmOutcome.Decline;
import dev.payplatform.checkout.service.intents.IntentCancellation;
import dev.payplatform.checkout.service.sessions.SessionCompletion;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.ProcessorResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * How an attempt on an intent in processing ends: the processor's answer applied (succeeded,
 * challenge, declined), a refusal before the processor (declined), or a release when the processor
 * has nothing under the reference. Each ends with one attempt row (id = the processor reference)
 * and its events. Runs inside the caller's transaction, on the intent the caller locked.
 */
@ApplicationScoped
public class AttemptOutcomes {
  private static final Logger LOG = Logger.getLogger(AttemptOutcomes.class);

  private final CheckoutEvents events;
  private final PublicUrls urls;
  private final IntentCancellation cancellation;
  private final SessionCompletion sessions;
  private final InstantSource clock;
  private final int maxFailedAttempts;

  public AttemptOutcomes(
      CheckoutEvents events,
      PublicUrls urls,
      IntentCancellation cancellation,
      SessionCompletion sessions,
      InstantSource clock,
      CheckoutConfig config) {
    this.events = events;
    this.urls = urls;
    this.cancellation = cancellation;
    this.sessions = sessions;
    this.clock = clock;
    this.maxFailedAttempts = config.intent().maxFailedAttempts();
  }

  /**
   * Applies the processor's answer. Only a confirmation that moved the intent to processing may
   * settle it; {@code fingerprint} is checkout's own (the processor's card has none).
   */
  public Uni<ConfirmOutcome> apply(PaymentIntent pi, ProcessorResult r, String fingerprint) {
    if (pi.status != IntentStatus.PROCESSING) {
      LOG.warnf("ignoring a processor answer for %s, which is %s", pi.id, pi.status.wire());
      return Uni.createFrom().item(new ConfirmOutcome(pi, null, null));
    }
    pi.recordNetwork(r.network());
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
    pi.moveTo(IntentStatus.SUCCEEDED, Timestamps.now(clock));
    pi.succeededAt = pi.updatedAt;
    LOG.infof(
        "payment intent %s succeeded (%s, %s card ****%s)",
        pi.id, pi.paymentId, pi.cardBrand, pi.cardLast4);
    Uni<?> done =
        attempt(pi, PaymentAttempt.SUCCEEDED, null, null).call(() -> events.intentSucceeded(pi));
    if (pi.sessionId != null) {
      done = done.chain(() -> sessions.completeSessionOf(pi));
    }
    return done.replaceWith(() -> new ConfirmOutcome(pi, null, null));
  }

  private Uni<ConfirmOutcome> challenge(PaymentIntent pi, ProcessorResult r) {
    String token = Ids.randomToken(24);
    pi.challengeTokenHash = CardFingerprints.sha256(token);
    pi.authenticationRef = r.authenticationRef();
    pi.moveTo(IntentStatus.REQUIRES_ACTION, Timestamps.now(clock));
    return attempt(pi, PaymentAttempt.REQUIRES_ACTION, null, null)
        .call(() -> events.intentRequiresAction(pi, urls.challengePage(pi.id)))
        .replaceWith(() -> new ConfirmOutcome(pi, urls.challengePage(pi.id, token), null));
  }

  /** A failed attempt: counted, recorded, emitted; the last allowed one cancels the intent. */
  public Uni<ConfirmOutcome> decline(PaymentIntent pi, String reason, String message) {
    String failure = message != null ? message : DeclineReasons.message(reason);
    // An acquirer that could not decide (91, 96, no answer) is not the buyer's failure.
    if (!DeclineReasons.PROCESSING_ERROR.equals(reason)) {
      pi.failedAttempts++;
    }
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
              .call(() -> cancellation.cancel(pi, PaymentIntent.CANCELED_TOO_MANY_FAILURES));
      String canceled = failure + " Too many failed attempts: this payment has been canceled.";
      return done.replaceWith(() -> new ConfirmOutcome(pi, null, new Decline(reason, canceled)));
    }
    pi.moveTo(IntentStatus.REQUIRES_PAYMENT_METHOD, Timestamps.now(clock));
    return done.call(() -> events.intentPaymentFailed(pi))
        .replaceWith(() -> new ConfirmOutcome(pi, null, new Decline(reason, failure)));
  }

  /**
   * The processor has nothing under the intent's reference, so no charge was made: a failed attempt
   * ({@code processing_error}, not counted against the buyer), {@code
   * payment_intent.payment_failed}, and the intent is open again, or canceled when its session or
   * checkout link expired meanwhile. Runs on an intent locked in processing.
   */
  public Uni<ConfirmOutcome> releaseUnanswered(PaymentIntent pi) {
    String message = DeclineReasons.message(DeclineReasons.PROCESSING_ERROR);
    pi.recordNetwork(null);
    pi.lastDeclineReason = DeclineReasons.PROCESSING_ERROR;
    pi.lastFailureMessage = message;
    pi.authenticationRef = null;
    pi.moveTo(IntentStatus.REQUIRES_PAYMENT_METHOD, Timestamps.now(clock));
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
    Instant now = Timestamps.now(clock);
    if (pi.hasExpired(now)) {
      return cancellation.cancel(pi, PaymentIntent.CANCELED_EXPIRED);
    }
    if (pi.sessionId == null) {
      return Uni.createFrom().voidItem();
    }
    return CheckoutSession.<CheckoutSession>findById(pi.sessionId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            s ->
                s != null && s.effectiveStatus(now) == SessionStatus.EXPIRED
                    ? expireSessionOrCancel(s, pi)
                    : Uni.createFrom().voidItem());
  }

  // The sweep skipped this intent while it was processing: finish what it would have done.
  private Uni<Void> expireSessionOrCancel(CheckoutSession s, PaymentIntent pi) {
    if (s.status == SessionStatus.OPEN) {
      return cancellation.expireSession(s);
    }
    return cancellation.cancel(pi, PaymentIntent.CANCELED_SESSION_EXPIRED);
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
    a.networkAuthorizationCode = pi.networkAuthorizationCode;
    a.networkRrn = pi.networkRrn;
    a.networkResponseCode = pi.networkResponseCode;
    a.createdAt = Timestamps.now(clock);
    return a.persist();
  }
}
