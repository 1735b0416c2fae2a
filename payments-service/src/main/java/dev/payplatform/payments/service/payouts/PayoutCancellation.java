package dev.payplatform.payments.service.payouts;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.IllegalTransition;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.Payout;
import dev.payplatform.payments.domain.PayoutStatus;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/**
 * {@code POST /v1/payouts/{id}/cancel}: while it is pending and not yet in a file for the bank.
 * Canceling a canceled payout answers it as it is; anything else is a 409.
 */
@ApplicationScoped
public class PayoutCancellation {
  private final PayoutOutcomes outcomes;
  private final InstantSource clock;

  public PayoutCancellation(PayoutOutcomes outcomes, InstantSource clock) {
    this.outcomes = outcomes;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<Payout> cancel(Tenant tenant, String id) {
    return PayoutOutcomes.lockOwn(tenant, id)
        .chain(
            po -> {
              if (po.status == PayoutStatus.CANCELED) {
                return Uni.createFrom().item(po);
              }
              if (po.status != PayoutStatus.PENDING || po.batchId != null) {
                // Once in a pain.001 file it is the bank's: only a return can bring it back.
                throw new IllegalTransition(
                    "payout",
                    po.id,
                    po.status == PayoutStatus.PENDING ? "sending" : po.status.wire(),
                    PayoutStatus.CANCELED.wire());
              }
              return outcomes.canceled(po, Timestamps.now(clock)).replaceWith(po);
            });
  }
}
