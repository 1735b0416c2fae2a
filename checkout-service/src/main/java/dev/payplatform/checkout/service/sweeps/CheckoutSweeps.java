package dev.payplatform.checkout.service.sweeps;

import dev.payplatform.checkout.processor.CardProcessors;
import dev.payplatform.checkout.service.confirmation.ProcessingReconciliation;
import dev.payplatform.checkout.service.intents.LinkIntentExpiry;
import dev.payplatform.checkout.service.sessions.SessionExpiry;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.processor.LiveConnector;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;

/**
 * checkout's janitors on their schedules (docs/checkout.md, deadlines): expired sessions, expired
 * checkout links, intents left in processing. Reads never depend on them (a past expiry reads as
 * expired at once); they give every non-final state a final one and its event.
 */
@ApplicationScoped
public class CheckoutSweeps {
  private final Sweeps sweeps;
  private final SessionExpiry sessions;
  private final LinkIntentExpiry links;
  private final ProcessingReconciliation processing;
  private final CardProcessors processors;

  public CheckoutSweeps(
      Sweeps sweeps,
      SessionExpiry sessions,
      LinkIntentExpiry links,
      ProcessingReconciliation processing,
      CardProcessors processors) {
    this.sweeps = sweeps;
    this.sessions = sessions;
    this.links = links;
    this.processing = processing;
    this.processors = processors;
  }

  @Scheduled(
      every = "${checkout.session.sweep-interval}",
      delayed = "${checkout.session.sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> expireSessions() {
    return sweeps.run(
        "checkout.expired-sessions", () -> sessions.expireDue().map(n -> new Sweeps.Pass(n, n)));
  }

  @Scheduled(
      every = "${checkout.session.sweep-interval}",
      delayed = "${checkout.session.sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> expireCheckoutLinks() {
    return sweeps.run(LinkIntentExpiry.SWEEP, links::expireDue);
  }

  @Scheduled(
      every = "${checkout.intent.processing-sweep-interval}",
      delayed = "${checkout.intent.processing-sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> reconcileProcessing() {
    return sweeps.run(ProcessingReconciliation.SWEEP, processing::sweepOnce);
  }

  /** What live connectors must still deliver to their acquirers: reversals until acknowledged. */
  @Scheduled(
      every = "${checkout.gateway.delivery-interval:5s}",
      delayed = "${checkout.gateway.delivery-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> deliverToAcquirers() {
    return sweeps.run(
        "checkout.acquirer-deliveries",
        () ->
            Multi.createFrom()
                .iterable(processors.connectors())
                .onItem()
                .transformToUniAndConcatenate(LiveConnector::deliverPending)
                .collect()
                .with(Collectors.summingInt(Integer::intValue))
                .map(n -> new Sweeps.Pass(n, n)));
  }
}
