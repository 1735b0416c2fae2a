package dev.payplatform.checkout.service.confirmation;

import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentAttempt;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.messaging.CheckoutEvents;
import dev.payplatform.checkout.processor.CardProcessors;
import dev.payplatform.checkout.service.fraud.FraudRules;
import dev.payplatform.checkout.service.intents.IntentReads;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.CardProcessor;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.ProcessorAccount;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Charges a saved payment method for an invoice, without the buyer (billing's {@code
 * invoice.charge_requested}). Runs inside the consumer's transaction; a payment id already charged
 * is not charged again.
 */
@ApplicationScoped
public class OffSessionCharges {
  private static final Logger LOG = Logger.getLogger(OffSessionCharges.class);

  private final IntentReads intents;
  private final AttemptOutcomes outcomes;
  private final CardProcessors processors;
  private final FraudRules fraud;
  private final CheckoutEvents events;
  private final InstantSource clock;

  public OffSessionCharges(
      IntentReads intents,
      AttemptOutcomes outcomes,
      CardProcessors processors,
      FraudRules fraud,
      CheckoutEvents events,
      InstantSource clock) {
    this.intents = intents;
    this.outcomes = outcomes;
    this.processors = processors;
    this.fraud = fraud;
    this.events = events;
    this.clock = clock;
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

  public Uni<PaymentIntent> charge(OffSessionCharge req) {
    return intents
        .findByPayment(req.merchantId(), req.livemode(), req.paymentId())
        .chain(
            existing -> {
              if (existing != null) {
                LOG.infof(
                    "payment %s already has intent %s (%s); not charged again",
                    req.paymentId(), existing.id, existing.status.wire());
                return answerAgain(existing).replaceWith(existing);
              }
              PaymentIntent pi =
                  PaymentIntent.open(
                      req.merchantId(),
                      req.livemode(),
                      PaymentIntent.PURPOSE_INVOICE,
                      req.invoiceId(),
                      req.paymentId(),
                      req.amount(),
                      req.currency(),
                      Timestamps.now(clock));
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
                  .chain(fingerprint -> chargeSaved(pi, req, fingerprint))
                  .replaceWith(pi);
            });
  }

  private Uni<ConfirmOutcome> chargeSaved(
      PaymentIntent pi, OffSessionCharge req, String fingerprint) {
    // One reference per payment, so a redelivered charge request (after a rollback the processor
    // did not see) is answered, never charged twice.
    pi.startProcessing(offSessionReference(req.paymentId()), Timestamps.now(clock));
    ProcessorAccount account = IntentReads.accountOf(pi);
    Optional<CardProcessor> processor = processors.forAccount(account);
    if (processor.isEmpty()) {
      return outcomes.decline(pi, DeclineReasons.LIVE_MODE_UNAVAILABLE, null);
    }
    Optional<String> blocked = fraud.checkAmount(pi);
    if (blocked.isPresent()) {
      return outcomes.decline(pi, DeclineReasons.FRAUDULENT, blocked.get());
    }
    return processor
        .get()
        .chargeSaved(account, req.paymentMethodId(), pi.amount, pi.currency, pi.processorReference)
        .chain(result -> outcomes.apply(pi, result, fingerprint));
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
}
