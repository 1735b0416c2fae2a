package dev.payplatform.edge.audit.rest;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.edge.audit.service.AuditEvents;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.proxy.EdgeExchange;
import dev.payplatform.edge.service.KeyPrincipal;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /v1/audit_events}: the audit log, read with a secret key or by an owner's console
 * session. It is an edge route ({@code edge-routes.txt}, service {@code edge}): the pipeline has
 * authenticated and limited the caller before this resource runs, and a request that did not come
 * through it is not found.
 */
@Path("/v1/audit_events")
public class AuditEventResource {
  private static final Set<String> OUTCOMES = Set.of("success", "failure");

  private final AuditEvents events;

  public AuditEventResource(AuditEvents events) {
    this.events = events;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "List audit events",
      description =
          "Who did what, newest first: every state-changing call made with a secret key or a"
              + " console session, and every console sign-in. Rows of the key's mode and those that"
              + " belong to no mode. Console users need the owner role.")
  public Uni<Page<AuditEventResponse>> list(
      @QueryParam("action") String action,
      @QueryParam("actor_id") String actorId,
      @QueryParam("object_id") String objectId,
      @QueryParam("outcome") String outcome,
      @QueryParam("created[gte]") String createdGte,
      @QueryParam("created[lte]") String createdLte,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @Context RoutingContext rc) {
    EdgeExchange exchange = EdgeExchange.of(rc);
    KeyPrincipal caller = exchange == null ? null : exchange.principal();
    if (caller == null) {
      throw ApiException.notFound("Not found", "The requested resource does not exist.");
    }
    ConsoleSession session = exchange.session();
    if (session != null && !session.role().canManageTeam()) {
      throw new ApiException(
          403, "Forbidden", "Your role (" + session.role().word() + ") cannot read the activity.");
    }
    ListQuery query = new ListQuery(limit, offset);
    AuditEvents.Filter filter =
        new AuditEvents.Filter(
            query.textFilter(
                "action",
                action,
                a -> a.matches("[a-z_.]{1,80}"),
                "must be an action name such as refunds.create"),
            query.textFilter("actor_id", actorId, a -> a.length() <= 100, "is too long"),
            query.textFilter("object_id", objectId, a -> a.length() <= 100, "is too long"),
            query.oneOf("outcome", outcome, OUTCOMES),
            query.created(createdGte, createdLte));
    PageRequest page = query.page();
    return events
        .list(caller.merchantId(), caller.mode(), filter, page)
        .map(p -> p.map(AuditEventResponse::of));
  }
}
