package dev.payplatform.payments.rest;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.payments.domain.DisputeStatus;
import dev.payplatform.payments.messaging.PaymentEvents;
import dev.payplatform.payments.service.disputes.DisputeOutcomes;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import java.util.Set;

/**
 * The operator records the acquirer's decision on a live dispute under review (docs/disputes.md).
 * Guarded by {@link PaymentsAdminFilter}.
 */
@Path("/admin/disputes")
@Produces(MediaType.APPLICATION_JSON)
public class AdminDisputesResource {
  private static final Set<String> OUTCOMES = Set.of("won", "lost", "warning_closed");

  private final DisputeOutcomes outcomes;
  private final InstantSource clock;

  public AdminDisputesResource(DisputeOutcomes outcomes, InstantSource clock) {
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** The decision: {@code won}, {@code lost} or, for an inquiry, {@code warning_closed}. */
  public record Decision(String outcome) {}

  @POST
  @Path("/{id}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<PaymentEvents.DisputeData> decide(@PathParam("id") String id, Decision body) {
    if (body == null || body.outcome() == null || !OUTCOMES.contains(body.outcome())) {
      throw new ValidationFailedException(
          FieldError.body("outcome", "must be one of won, lost, warning_closed"));
    }
    return outcomes
        .recordDecision(id, DisputeStatus.parse(body.outcome()))
        .map(d -> PaymentEvents.DisputeData.of(d, clock.instant()));
  }
}
