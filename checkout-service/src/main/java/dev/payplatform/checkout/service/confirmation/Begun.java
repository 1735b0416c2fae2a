package dev.payplatform.checkout.service.confirmation;

import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.processor.CardProcessor;
import dev.payplatform.processor.ProcessorAccount;

/**
 * What the first transaction of a confirmation leaves: either the attempt is finished already
 * (refused before the processor: fraud rules, no live connector), or the processor is to be called.
 */
sealed interface Begun {

  /** Refused before the processor; the outcome is the answer. */
  record Finished(ConfirmOutcome outcome) implements Begun {}

  /** The intent is processing under its reference: call {@code processor} for {@code account}. */
  record CallProcessor(
      PaymentIntent intent, CardProcessor processor, ProcessorAccount account, String fingerprint)
      implements Begun {}
}
