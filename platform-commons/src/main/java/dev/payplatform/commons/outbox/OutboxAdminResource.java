package dev.payplatform.commons.outbox;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operators' view of this service's parked outbox rows ({@code /admin/outbox/parked}, admin
 * token checked by {@link dev.payplatform.commons.web.OperatorApiFilter}): rows Kafka refused for
 * good, and how many later rows of the same aggregate wait behind each.
 */
@Path("/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {
  /** The answer of a listing. */
  public record Listing(List<OutboxRelay.ParkedRow> items, int totalItems) {}

  /** The answer of a replay. */
  public record Replayed(int replayed) {}

  private final OutboxRelay relay;

  public OutboxAdminResource(OutboxRelay relay) {
    this.relay = relay;
  }

  @GET
  @Operation(summary = "Outbox rows parked after Kafka refused them")
  public Listing list() {
    List<OutboxRelay.ParkedRow> rows = relay.parkedRows();
    return new Listing(rows, rows.size());
  }

  @POST
  @Path("/replay")
  @Operation(summary = "Publish parked rows again (all, or one by id) once the cause is fixed")
  public Replayed replay(@QueryParam("id") Long id) {
    return new Replayed(relay.replayParked(id));
  }
}
