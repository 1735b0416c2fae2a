package dev.payplatform.events.rest;

import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.events.domain.EventTypePatterns;
import dev.payplatform.events.service.EventQueries;
import dev.payplatform.events.service.Resends;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The merchant's event log: every event of its objects, newest first, and deliveries again. */
@Path("/v1/events")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {
  private final EventQueries queries;
  private final Resends resends;
  private final MerchantContext merchant;

  public EventResource(EventQueries queries, Resends resends, MerchantContext merchant) {
    this.queries = queries;
    this.resends = resends;
    this.merchant = merchant;
  }

  /**
   * Filters: {@code type} (exact, or a prefix such as {@code payment.*}), {@code object_id} (any id
   * the event is about), {@code created[gte]} and {@code created[lte]} (Unix seconds or ISO-8601).
   */
  @GET
  public Uni<Page<EventResponse>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("type") String type,
      @QueryParam("object_id") String objectId,
      @QueryParam("created[gte]") String createdGte,
      @QueryParam("created[lte]") String createdLte) {
    ListQuery query = new ListQuery(limit, offset);
    String typeFilter =
        query.textFilter(
            "type",
            type,
            EventTypePatterns::isValid,
            "must be an event type or a prefix such as payment.*");
    String objectFilter =
        query.textFilter("object_id", objectId, Ids::looksLikeAny, "must be an object id");
    CreatedRange created = query.created(createdGte, createdLte);
    return queries
        .list(tenant(), new EventQueries.Filter(typeFilter, objectFilter, created), query.page())
        .map(page -> page.map(EventResponse::of));
  }

  /** The event with its payload and its deliveries to the merchant's endpoints. */
  @GET
  @Path("/{id}")
  public Uni<EventResponse> get(@PathParam("id") String id) {
    return queries.get(tenant(), id).map(EventResponse::of);
  }

  /** Delivers the event again now, to one endpoint ({@code endpoint_id}) or to all that want it. */
  @POST
  @Path("/{id}/resend")
  @Idempotent
  @Cancellable(false)
  public Uni<List<WebhookDeliveryResponse>> resend(@PathParam("id") String id, ResendRequest body) {
    String endpointId = body == null ? null : body.endpointId();
    return resends
        .resend(tenant(), id, endpointId)
        .map(deliveries -> deliveries.stream().map(WebhookDeliveryResponse::of).toList());
  }

  private Tenant tenant() {
    return Tenant.of(merchant);
  }
}
