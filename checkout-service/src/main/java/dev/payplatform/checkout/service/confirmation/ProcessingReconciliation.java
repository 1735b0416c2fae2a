package dev.payplatform.checkout.service.confirmation;

import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.processor.CardProcessors;
import dev.payplatform.checkout.service.intents.IntentReads;
import dev.payplatform.commons.sweep.Sweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.processor.CardProcessor;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Resolves intents left in processing: a crash between the processor call and the second
 * transaction, a second transaction that failed, a processor call that timed out. The processor is
 * asked what happened under the intent's reference ({@link CardProcessor#lookup}); its answer is
 * applied exactly once, and the intent is released only when the processor says nothing happened.
 * Runs at once when a processor call fails, and as a sweep for intents past the processing
 * deadline.
 */
@ApplicationScoped
public class ProcessingReconciliation implements Sweep {
  public static final String SWEEP = "checkout.processing-intents";
  private static final Logger LOG = Logger.getLogger(ProcessingReconciliation.class);
  private static final int BATCH = 50;

  private final AttemptOutcomes outcomes;
  private final CardProcessors processors;
  private final InstantSource clock;
  private final Duration deadline;
  private final Sweep.Schedule schedule;

  public ProcessingReconciliation(
      AttemptOutcomes outcomes,
      CardProcessors processors,
      InstantSource clock,
      CheckoutConfig config) {
    this.outcomes = outcomes;
    this.processors = processors;
    this.clock = clock;
    this.deadline = config.intent().processingDeadline();
    this.schedule = new Sweep.Schedule(SWEEP, config.intent().processingSweepInterval());
  }

  @Override
  public Sweep.Schedule schedule() {
    return schedule;
  }

  /**
   * Resolves the intent if it is still processing under {@code reference}: empty when something
   * else resolved it first (the second transaction, another replica's sweep).
   */
  @WithTransaction
  public Uni<Optional<ConfirmOutcome>> resolve(String intentId, String reference) {
    return PaymentIntent.<PaymentIntent>findById(intentId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            pi -> {
              if (pi == null
                  || pi.status != IntentStatus.PROCESSING
                  || reference == null
                  || !reference.equals(pi.processorReference)) {
                return Uni.createFrom().item(Optional.<ConfirmOutcome>empty());
              }
              ProcessorAccount account = IntentReads.accountOf(pi);
              Optional<CardProcessor> processor = processors.serving(account);
              Uni<Optional<ProcessorResult>> found =
                  processor.isPresent()
                      ? processor.get().lookup(account, reference)
                      // No processor serves the account any more: none can have charged under a
                      // reference it was never given... unless it was removed mid-call, which a
                      // deployment must not do with intents in processing.
                      : Uni.createFrom().item(Optional.empty());
              return found
                  .chain(
                      answer -> {
                        LOG.infof(
                            "reconciling %s under %s: the processor says %s",
                            pi.id,
                            reference,
                            answer.map(r -> r.outcome().name()).orElse("nothing happened"));
                        return answer.isPresent()
                            ? outcomes.apply(pi, answer.get(), null)
                            : outcomes.releaseUnanswered(pi);
                      })
                  .map(Optional::of);
            });
  }

  /** One sweep pass: every intent processing for longer than the deadline, oldest first. */
  @Override
  public Uni<Sweeps.Pass> pass() {
    Instant cutoff = PaymentIntent.processingOverdueBefore(clock.instant(), deadline);
    return overdue(cutoff)
        .chain(
            due ->
                Sweeps.resolveEach(
                    due,
                    pi ->
                        resolve(pi.id, pi.processorReference)
                            .map(Optional::isPresent)
                            .onFailure()
                            .recoverWithItem(
                                e -> {
                                  LOG.warnf("could not reconcile %s yet: %s", pi.id, e);
                                  return false;
                                })));
  }

  @WithSession
  Uni<List<PaymentIntent>> overdue(Instant cutoff) {
    return PaymentIntent.<PaymentIntent>find(
            "status = ?1 and processingSince < ?2 order by processingSince",
            IntentStatus.PROCESSING,
            cutoff)
        .page(0, BATCH)
        .list();
  }
}
