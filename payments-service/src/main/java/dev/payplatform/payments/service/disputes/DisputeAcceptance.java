package dev.payplatform.payments.service.disputes;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.IllegalTransition;
import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.DisputeStatus;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code POST /v1/disputes/{id}/close}: the merchant accepts the dispute: a chargeback is lost (its
 * money stays withdrawn), an inquiry closes. Only while it awaits a response; closing a closed one
 * again answers it as it is.
 */
@ApplicationScoped
public class DisputeAcceptance {
  private final DisputeOutcomes outcomes;

  public DisputeAcceptance(DisputeOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @WithTransaction
  public Uni<Dispute> accept(Tenant tenant, String id) {
    return DisputeOutcomes.lockOwn(tenant, id)
        .chain(
            d -> {
              if (d.status == DisputeStatus.LOST || d.status == DisputeStatus.WARNING_CLOSED) {
                return Uni.createFrom().item(d);
              }
              if (!DisputeStatus.AWAITING_RESPONSE.contains(d.status)) {
                throw new IllegalTransition(
                    "dispute", d.id, d.status.wire(), d.status.givenUp().wire());
              }
              return outcomes.close(d, d.status.givenUp(), "accepted by the merchant");
            });
  }
}
