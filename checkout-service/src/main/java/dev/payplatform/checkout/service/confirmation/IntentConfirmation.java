package dev.payplatform.checkout.service.confirmation;

import dev.payplatform.checkout.domain.ChallengeNotFound;
import dev.payplatform.checkout.domain.CheckoutLinkExpired;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.domain.ConfirmationInProgress;
import dev.payplatform.checkout.domain.IntentNotFound;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentAttempt;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.SessionStatus;
import dev.payplatform.checkout.processor.CardProcessors;
import dev.payplatform.checkout.service.fraud.FraudRules;
import dev.payplatform.checkout.service.intents.IntentReads;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.CardProcessor;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A buyer's confirmation or 3-D Secure answer end to end, in two transactions around the processor
 * call so no database transaction waits on the processor: transaction one (checks, processing under
 * a new idempotent reference), the processor call outside any transaction, transaction two (the
 * answer applied). The card details exist only on this call's stack. When the call fails, the
 * processor is asked what happened under the reference before anything is released; whatever stays
 * unknown is left to {@link ProcessingReconciliation}'s sweep.
 */
@ApplicationScoped
public class IntentConfirmation {
  private static final Logger LOG = Logger.getLogger(IntentConfirmation.class);

  private final AttemptOutcomes outcomes;
  private final ProcessingReconciliation reconciliation;
  private final ProcessorCallFaults faults;
  private final CardProcessors processors;
  private final CardFingerprints fingerprints;
  private final FraudRules fraud;
  private final InstantSource clock;

  public IntentConfirmation(
      AttemptOutcomes outcomes,
      ProcessingReconciliation reconciliation,
      ProcessorCallFaults faults,
      CardProcessors processors,
      CardFingerprints fingerprints,
      FraudRules fraud,
      InstantSource clock) {
    this.outcomes = outcomes;
    this.reconciliation = reconciliation;
    this.faults = faults;
    this.processors = processors;
    this.fingerprints = fingerprints;
    this.fraud = fraud;
    this.clock = clock;
  }

  /**
   * @param clientAddress the buyer's address as the edge determined it (null when unknown), for the
   *     decline-velocity rule
   */
  public Uni<ConfirmOutcome> confirm(
      String intentId, String clientSecret, CardDetails card, String email, String clientAddress) {
    return beginConfirm(intentId, clientSecret, card, email, clientAddress)
        .chain(
            begun ->
                run(
                    begun,
                    b ->
                        b.processor()
                            .authorize(
                                b.account(),
                                card,
                                b.intent().amount,
                                b.intent().currency,
                                b.intent().savePaymentMethod,
                                b.intent().processorReference)));
  }

  /** The buyer completed ({@code authenticated}) or failed the challenge on the 3-D Secure page. */
  public Uni<ConfirmOutcome> answerChallenge(
      String intentId, String challengeToken, boolean authenticated) {
    return beginChallengeAnswer(intentId, challengeToken)
        .chain(
            begun ->
                run(
                    begun,
                    b ->
                        b.processor()
                            .completeChallenge(
                                b.account(),
                                b.intent().authenticationRef,
                                authenticated,
                                b.intent().processorReference)));
  }

  private Uni<ConfirmOutcome> run(
      Begun begun, Function<Begun.CallProcessor, Uni<ProcessorResult>> call) {
    if (!(begun instanceof Begun.CallProcessor ready)) {
      return Uni.createFrom().item(((Begun.Finished) begun).outcome());
    }
    String intentId = ready.intent().id;
    String reference = ready.intent().processorReference;
    return call.apply(ready)
        .invoke(faults::afterProcessorCall)
        .onItemOrFailure()
        .transformToUni(
            (answer, failure) -> {
              if (failure == null) {
                return finish(intentId, reference, answer, ready.fingerprint());
              }
              // Unknown outcome: the card may have been charged. Ask before releasing anything.
              LOG.errorf("the processor call %s for %s failed: %s", reference, intentId, failure);
              return reconciliation
                  .resolve(intentId, reference)
                  .onFailure()
                  .transform(lookupFailure -> failure)
                  .chain(
                      resolved ->
                          resolved.isPresent()
                              ? Uni.createFrom().item(resolved.get())
                              : Uni.createFrom().<ConfirmOutcome>failure(failure));
            });
  }

  /**
   * Transaction one of a confirmation: checks the client secret and the intent's state, moves it to
   * processing (so a concurrent confirmation gets a 409), and runs the checks that need no
   * processor: a live connector exists, the fraud rules pass.
   */
  @WithTransaction
  Uni<Begun> beginConfirm(
      String intentId, String clientSecret, CardDetails card, String email, String clientAddress) {
    return IntentReads.lock(intentId)
        .map(
            pi -> {
              if (pi == null || !pi.clientSecretMatches(clientSecret)) {
                throw new IntentNotFound(intentId);
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
              pi.startProcessing(Ids.newId(PaymentAttempt.ID_PREFIX), Timestamps.now(clock));
              ProcessorAccount account = IntentReads.accountOf(pi);
              Optional<CardProcessor> processor = processors.forAccount(account);
              if (processor.isEmpty()) {
                return refused(
                    pi, DeclineReasons.LIVE_MODE_UNAVAILABLE, processors.whyUnavailable(account));
              }
              return fraud
                  .check(pi, card, fingerprint)
                  .chain(
                      blocked ->
                          blocked.isPresent()
                              ? refused(pi, DeclineReasons.FRAUDULENT, blocked.get())
                              : Uni.createFrom()
                                  .<Begun>item(
                                      new Begun.CallProcessor(
                                          pi, processor.get(), account, fingerprint)));
            });
  }

  private Uni<Begun> refused(PaymentIntent pi, String reason, String message) {
    return outcomes.decline(pi, reason, message).map(Begun.Finished::new);
  }

  /**
   * Transaction one of a 3-D Secure answer: the one-time challenge token must match, and it is
   * spent here whatever the answer.
   */
  @WithTransaction
  Uni<Begun> beginChallengeAnswer(String intentId, String challengeToken) {
    return IntentReads.lock(intentId)
        .map(
            pi -> {
              if (pi == null
                  || pi.status != IntentStatus.REQUIRES_ACTION
                  || !CardFingerprints.matches(challengeToken, pi.challengeTokenHash)) {
                throw new ChallengeNotFound();
              }
              return pi;
            })
        .call(this::requireConfirmable)
        .map(
            pi -> {
              pi.challengeTokenHash = null;
              pi.startProcessing(Ids.newId(PaymentAttempt.ID_PREFIX), Timestamps.now(clock));
              ProcessorAccount account = IntentReads.accountOf(pi);
              CardProcessor processor =
                  processors.serving(account).orElseThrow(IllegalStateException::new);
              return new Begun.CallProcessor(pi, processor, account, pi.cardFingerprint);
            });
  }

  /**
   * Transaction two: applies the processor's answer to the call made under {@code reference}. An
   * answer to any other call (the intent was resolved meanwhile, e.g. by reconciliation) is
   * ignored.
   */
  @WithTransaction
  Uni<ConfirmOutcome> finish(
      String intentId, String reference, ProcessorResult result, String fingerprint) {
    return IntentReads.lock(intentId)
        .chain(
            pi -> {
              if (pi.status != IntentStatus.PROCESSING
                  || !reference.equals(pi.processorReference)) {
                LOG.warnf(
                    "ignoring the answer to %s for %s, which is %s under %s",
                    reference, pi.id, pi.status.wire(), pi.processorReference);
                return Uni.createFrom().item(new ConfirmOutcome(pi, null, null));
              }
              return outcomes.apply(pi, result, fingerprint);
            });
  }

  /** A confirmation may start: the intent is open and idle, its session or token still valid. */
  private Uni<Void> requireConfirmable(PaymentIntent pi) {
    pi.requireOpen();
    if (pi.status == IntentStatus.PROCESSING) {
      throw new ConfirmationInProgress();
    }
    Instant now = Timestamps.now(clock);
    if (pi.hasExpired(now)) {
      throw new CheckoutLinkExpired();
    }
    if (pi.sessionId == null) {
      return Uni.createFrom().voidItem();
    }
    return CheckoutSession.<CheckoutSession>findById(pi.sessionId)
        .invoke(
            s -> {
              if (s != null && s.status != SessionStatus.COMPLETE) {
                s.requireOpen(now);
              }
            })
        .replaceWithVoid();
  }
}
