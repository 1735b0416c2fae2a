package dev.payplatform.checkout.service;

import dev.payplatform.checkout.processor.CardDetails;
import dev.payplatform.checkout.processor.ProcessorResult;
import dev.payplatform.checkout.service.IntentService.Begun;
import dev.payplatform.checkout.service.IntentService.ConfirmOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A buyer's confirmation or 3-D Secure answer end to end: transaction one (checks, processing under
 * a new idempotent reference), the processor call outside any transaction, transaction two (the
 * answer applied). The card details exist only on this call's stack. When the call fails, the
 * processor is asked what happened under the reference before anything is released; whatever stays
 * unknown is left to {@link ProcessingReconciliation}'s sweep.
 */
@ApplicationScoped
public class Confirmations {
  private static final Logger LOG = Logger.getLogger(Confirmations.class);
  private final IntentService intents;
  private final ProcessingReconciliation reconciliation;
  private final ProcessorCallFaults faults;

  public Confirmations(
      IntentService intents, ProcessingReconciliation reconciliation, ProcessorCallFaults faults) {
    this.intents = intents;
    this.reconciliation = reconciliation;
    this.faults = faults;
  }

  /**
   * @param clientAddress the buyer's address as the edge determined it (null when unknown), for the
   *     decline-velocity rule
   */
  public Uni<ConfirmOutcome> confirm(
      String intentId, String clientSecret, CardDetails card, String email, String clientAddress) {
    return intents
        .beginConfirm(intentId, clientSecret, card, email, clientAddress)
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
    return intents
        .beginChallengeAnswer(intentId, challengeToken)
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

  private Uni<ConfirmOutcome> run(Begun begun, Function<Begun, Uni<ProcessorResult>> call) {
    if (begun.finished() != null) {
      return Uni.createFrom().item(begun.finished());
    }
    String intentId = begun.intent().id;
    String reference = begun.intent().processorReference;
    return call.apply(begun)
        .invoke(faults::afterProcessorCall)
        .onItemOrFailure()
        .transformToUni(
            (answer, failure) -> {
              if (failure == null) {
                return intents.finish(intentId, reference, answer, begun.fingerprint());
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
}
