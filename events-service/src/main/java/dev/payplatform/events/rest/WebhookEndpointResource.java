package dev.payplatform.events.rest;

import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.validation.Texts;
import dev.payplatform.events.service.EventQueries;
import dev.payplatform.events.service.Resends;
import dev.payplatform.events.service.WebhookEndpoints;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A merchant's webhook endpoints, their secrets, test events and delivery attempts. */
@Path("/v1/webhook_endpoints")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {
  private final WebhookEndpoints endpoints;
  private final EventQueries queries;
  private final Resends resends;
  private final MerchantContext merchant;

  public WebhookEndpointResource(
      WebhookEndpoints endpoints, EventQueries queries, Resends resends, MerchantContext merchant) {
    this.endpoints = endpoints;
    this.queries = queries;
    this.resends = resends;
    this.merchant = merchant;
  }

  /**
   * Creates an endpoint; the answer carries its signing secret, the only time it is shown ({@code
   * no-store}: neither caches nor the edge's idempotency store keep it).
   */
  @POST
  @ResponseHeader(name = "Cache-Control", value = "no-store")
  @Idempotent
  @Cancellable(false)
  public Uni<WebhookEndpointResponse> create(@Valid @NotNull CreateEndpointRequest body) {
    return endpoints
        .create(tenant(), body.url(), body.enabledEvents(), Texts.trimToNull(body.description()))
        .map(created -> WebhookEndpointResponse.of(created.endpoint(), created.secret()));
  }

  @GET
  public Uni<Page<WebhookEndpointResponse>> list(
      @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
    ListQuery query = new ListQuery(limit, offset);
    return endpoints
        .list(tenant(), query.page())
        .map(page -> page.map(WebhookEndpointResponse::of));
  }

  @GET
  @Path("/{id}")
  public Uni<WebhookEndpointResponse> get(@PathParam("id") String id) {
    return endpoints.get(tenant(), id).map(WebhookEndpointResponse::of);
  }

  /** Changes the url, the events, the description, or {@code disabled}; the rest stays. */
  @PATCH
  @Path("/{id}")
  public Uni<WebhookEndpointResponse> update(
      @PathParam("id") String id, @Valid @NotNull UpdateEndpointRequest body) {
    if (body.url() == null
        && body.enabledEvents() == null
        && body.description() == null
        && body.disabled() == null) {
      throw new ValidationFailedException(
          FieldError.body(
              "url", "give at least one of url, enabled_events, description or disabled"));
    }
    return endpoints
        .update(
            tenant(),
            id,
            body.url(),
            body.enabledEvents(),
            body.description() == null ? null : body.description().strip(),
            body.disabled())
        .map(WebhookEndpointResponse::of);
  }

  @DELETE
  @Path("/{id}")
  public Uni<DeletedResponse> delete(@PathParam("id") String id) {
    return endpoints
        .delete(tenant(), id)
        .map(e -> new DeletedResponse(e.id, "webhook_endpoint", true));
  }

  /**
   * A new signing secret, shown once; the old one keeps signing beside it for 24 hours (two
   * signatures in {@code webhook-signature}).
   */
  @POST
  @Path("/{id}/rotate_secret")
  @ResponseHeader(name = "Cache-Control", value = "no-store")
  @Idempotent
  @Cancellable(false)
  public Uni<WebhookEndpointResponse> rotateSecret(@PathParam("id") String id) {
    return endpoints
        .rotateSecret(tenant(), id)
        .map(rotated -> WebhookEndpointResponse.of(rotated.endpoint(), rotated.secret()));
  }

  /** Sends a {@code webhook.test} event to this endpoint now; answers its delivery. */
  @POST
  @Path("/{id}/test")
  @Idempotent
  @Cancellable(false)
  public Uni<WebhookDeliveryResponse> test(@PathParam("id") String id) {
    return resends.test(tenant(), id).map(WebhookDeliveryResponse::of);
  }

  /** Every attempt to this endpoint, newest first. */
  @GET
  @Path("/{id}/deliveries")
  public Uni<Page<WebhookAttemptResponse>> deliveries(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    ListQuery query = new ListQuery(limit, offset);
    return endpoints
        .get(tenant(), id)
        .chain(endpoint -> queries.attempts(tenant(), endpoint, query.page()))
        .map(page -> page.map(WebhookAttemptResponse::of));
  }

  private Tenant tenant() {
    return Tenant.of(merchant);
  }
}
