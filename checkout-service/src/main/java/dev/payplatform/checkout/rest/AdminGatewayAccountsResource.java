package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.domain.GatewayAccountEntity;
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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

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

  /** An account as operators read it. */
  public record GatewayAccountView(
      String id,
      String object,
      String kind,
      String status,
      String host,
      Integer port,
      String terminalId,
      String cardAcceptorId,
      String merchantCategoryCode,
      String acquiringInstitutionId,
      String cardAcceptorName,
      String settlementCurrency,
      List<String> credentials,
      String created,
      String updated) {
    static GatewayAccountView of(GatewayAccountEntity a) {
      return new GatewayAccountView(
          a.id,
          "gateway_account",
          a.kind,
          a.status,
          a.host,
          a.port,
          a.terminalId,
          a.cardAcceptorId,
          a.merchantCategoryCode,
          a.acquiringInstitutionId,
          a.cardAcceptorName,
          a.settlementCurrency == null ? null : a.settlementCurrency.strip(),
          a.credentialNames == null ? List.of() : Arrays.asList(a.credentialNames),
          a.createdAt.truncatedTo(ChronoUnit.MILLIS).toString(),
          a.updatedAt.truncatedTo(ChronoUnit.MILLIS).toString());
    }
  }

  @POST
  public Uni<Response> create(@NotNull GatewayAccountAdmin.Changes body) {
    return admin
        .create(body)
        .map(a -> Response.status(201).entity(GatewayAccountView.of(a)).build());
  }

  @GET
  public Uni<Page<GatewayAccountView>> list(
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
                                accounts.stream().map(GatewayAccountView::of).toList(),
                                total,
                                page.limit(),
                                page.offset())));
  }

  @GET
  @Path("/{id}")
  public Uni<GatewayAccountView> get(@PathParam("id") String id) {
    return admin.get(id).map(GatewayAccountView::of);
  }

  @PATCH
  @Path("/{id}")
  public Uni<GatewayAccountView> update(
      @PathParam("id") String id, @NotNull GatewayAccountAdmin.Changes body) {
    return admin.update(id, body).map(GatewayAccountView::of);
  }

  @DELETE
  @Path("/{id}")
  public Uni<Response> delete(@PathParam("id") String id) {
    return admin.delete(id).map(v -> Response.noContent().build());
  }
}
