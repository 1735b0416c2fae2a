package dev.payplatform.checkout.service;

import dev.payplatform.checkout.processor.CardDetails;
import dev.payplatform.checkout.service.IntentService.Begun;
import dev.payplatform.checkout.service.IntentService.ConfirmOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A buyer's confirmation or 3-D Secure answer end to end: transaction one (checks, processing), the
 * processor call outside any transaction, transaction two (the answer applied). The card details
 * exist only on this call's stack.
 */
@ApplicationScoped
public class Confirmations {
  private static final Logger LOG = Logger.getLogger(Confirmations.class);
  private final IntentService intents;

  public Confirmations(IntentService intents) {
    this.intents = intents;
  }

  public Uni<ConfirmOutcome> confirm(
      String intentId, String clientSecret, CardDetails card, String email) {
    return intents
        .beginConfirm(intentId, clientSecret, card, email)
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
                                b.intent().savePaymentMethod)));
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
                                b.account(), b.intent().authenticationRef, authenticated)));
  }

  private Uni<ConfirmOutcome> run(
      Begun begun, Function<Begun, Uni<dev.payplatform.checkout.processor.ProcessorResult>> call) {
    if (begun.finished() != null) {
      return Uni.createFrom().item(begun.finished());
    }
    String intentId = begun.intent().id;
    return call.apply(begun)
        .onFailure()
        .call(
            e -> {
              LOG.errorf("the processor failed on %s: %s", intentId, e.toString());
              return intents.releaseAfterProcessorError(intentId);
            })
        .chain(result -> intents.finish(intentId, result, begun.fingerprint()));
  }
}
