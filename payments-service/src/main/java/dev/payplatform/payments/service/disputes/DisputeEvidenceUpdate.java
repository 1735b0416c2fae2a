package dev.payplatform.payments.service.disputes;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.config.PaymentsConfig;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.DisputeClosedForEvidence;
import dev.payplatform.payments.domain.DisputeEvidence;
import dev.payplatform.payments.domain.DisputeStatus;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.messaging.PaymentOutbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * {@code POST /v1/disputes/{id}}: the merchant saves evidence, and with {@code submit: true} sends
 * it, after which it is read-only and the dispute is under review. Only before the deadline.
 */
@ApplicationScoped
public class DisputeEvidenceUpdate {
  private final PaymentOutbox events;
  private final InstantSource clock;
  private final Duration sandboxDecisionDelay;

  public DisputeEvidenceUpdate(PaymentOutbox events, InstantSource clock, PaymentsConfig config) {
    this.events = events;
    this.clock = clock;
    this.sandboxDecisionDelay = config.disputes().sandboxDecisionDelay();
  }

  @WithTransaction
  public Uni<Dispute> update(Tenant tenant, String id, DisputeEvidence evidence, boolean submit) {
    return DisputeOutcomes.lockOwn(tenant, id)
        .chain(
            d -> {
              Instant now = Timestamps.now(clock);
              if (!DisputeStatus.AWAITING_RESPONSE.contains(d.status) || d.pastDue(now)) {
                throw new DisputeClosedForEvidence(d);
              }
              d.evidence = d.evidence.with(evidence);
              d.updatedAt = now;
              if (submit) {
                d.moveTo(d.status.underReview(), now);
                d.submissionCount++;
                d.submittedAt = now;
                // The sandbox decides test disputes; an acquirer decides live ones, recorded by
                // an operator.
                d.decideAt = d.livemode ? null : now.plus(sandboxDecisionDelay);
              }
              return events.emit(d, PaymentEvents.DISPUTE_UPDATED, now).replaceWith(d);
            });
  }
}
