package dev.payplatform.checkout.processor.sandbox;

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
import java.util.Optional;

/**
 * The built-in processor for test mode: follows the test-card table (docs/checkout.md, the sandbox
 * processor) and keeps its own records (challenges, saved cards, charges) in checkout's database,
 * as a real processor would on its side. It refuses live charges outright, so a live payment can
 * never be run through it.
 *
 * <p>This is the port: each call is one transaction, run once per reference ({@link
 * SandboxOperations}); it decides from the test card what a payment does, and its records are kept
 * by {@link SandboxChallenges} and {@link SandboxCharges}.
 */
@ApplicationScoped
public class SandboxProcessor implements CardProcessor {
  static final String NOT_A_TEST_CARD =
      "Your card was declined: test mode accepts only the sandbox test cards (see the test-card"
          + " table in the documentation), and this number is not one of them.";

  private final SandboxOperations operations;
  private final SandboxChallenges challenges;
  private final SandboxCharges charges;

  public SandboxProcessor(
      SandboxOperations operations, SandboxChallenges challenges, SandboxCharges charges) {
    this.operations = operations;
    this.challenges = challenges;
    this.charges = charges;
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
    return operations.once(
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
      return challenges.start(account, summary, behaviour, amount, currency, savePaymentMethod);
    }
    return charges.capture(account, summary, behaviour, amount, currency, savePaymentMethod);
  }

  @Override
  @WithTransaction
  public Uni<ProcessorResult> completeChallenge(
      ProcessorAccount account, String authenticationRef, boolean authenticated, String reference) {
    if (account.livemode()) {
      return Uni.createFrom().item(refuseLive(null));
    }
    return operations.once(
        account, reference, () -> challenges.complete(account, authenticationRef, authenticated));
  }

  @Override
  @WithTransaction
  public Uni<RefundResult> refund(
      ProcessorAccount account, String chargeRef, long amount, String currency, String refundId) {
    if (account.livemode()) {
      return Uni.createFrom().item(RefundResult.failed(DeclineReasons.LIVE_MODE_UNAVAILABLE));
    }
    return charges.refund(account, chargeRef, amount, currency, refundId);
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
    return operations.once(
        account, reference, () -> charges.chargeSaved(account, paymentMethodId, amount, currency));
  }

  @Override
  @WithTransaction
  public Uni<Optional<ProcessorResult>> lookup(ProcessorAccount account, String reference) {
    return operations.lookup(account, reference);
  }

  private static ProcessorResult refuseLive(CardSummary card) {
    return ProcessorResult.declined(card, DeclineReasons.LIVE_MODE_UNAVAILABLE);
  }
}
