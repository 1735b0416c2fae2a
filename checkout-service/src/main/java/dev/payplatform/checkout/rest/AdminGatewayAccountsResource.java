package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.service.gatewayaccounts.GatewayAccountAdmin;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operator API for gateway accounts (docs/connectors.md), on checkout's own port, guarded by
 * {@link GatewayAccountAdminFilter}. Credentials go in and never come out: an account shows their
 * names. A merchant is attached through the edge's {@code PATCH /admin/merchants/{id}} ({@code
 * gateway_account_id}).
 */
@Path("/admin/gateway_accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AdminGatewayAccountsResource {
  private final GatewayAccountAdmin admin;

  public AdminGatewayAccountsResource(GatewayAccountAdmin admin) {
    this.admin = admin;
  }

  @POST
  public Uni<Response> create(@NotNull GatewayAccountAdmin.Changes body) {
    return admin
        .create(body)
        .map(a -> Response.status(201).entity(GatewayAccountResponse.of(a)).build());
  }

  @GET
  public Uni<Page<GatewayAccountResponse>> list(
      @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
    PageRequest page = PageRequest.parse(limit, offset);
    return admin
        .count()
        .chain(
            total ->
                admin
                    .list(page.offset(), page.limit())
                    .map(
                        accounts ->
                            new Page<>(
                                accounts.stream().map(GatewayAccountResponse::of).toList(),
                                total,
                                page.limit(),
                                page.offset())));
  }

  @GET
  @Path("/{id}")
  public Uni<GatewayAccountResponse> get(@PathParam("id") String id) {
    return admin.get(id).map(GatewayAccountResponse::of);
  }

  @PATCH
  @Path("/{id}")
  public Uni<GatewayAccountResponse> update(
      @PathParam("id") String id, @NotNull GatewayAccountAdmin.Changes body) {
    return admin.update(id, body).map(GatewayAccountResponse::of);
  }

  @DELETE
  @Path("/{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return admin.delete(id).map(v -> Response.noContent().build());
  }
}
