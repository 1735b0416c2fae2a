package dev.payplatform.edge.rest;

import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.edge.console.rest.ConsoleDtos;
import dev.payplatform.edge.console.service.ConsoleUsers;
import dev.payplatform.edge.domain.ApiKey;
import dev.payplatform.edge.domain.Merchant;
import dev.payplatform.edge.service.MerchantService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;
import java.util.List;

/** The operator API: merchants and their keys. Guarded by {@link AdminAuthFilter}. */
@Path("/admin/merchants")
public class AdminResource {
  private final MerchantService merchants;
  private final ConsoleUsers consoleUsers;
  private final InstantSource clock;

  public AdminResource(MerchantService merchants, ConsoleUsers consoleUsers, InstantSource clock) {
    this.merchants = merchants;
    this.consoleUsers = consoleUsers;
    this.clock = clock;
  }

  /**
   * Creates a console user of a merchant, usually its first owner (owners invite the rest). The
   * password, given or generated, is in this answer only.
   */
  @POST
  @Path("/{id}/users")
  public Uni<Response> createUser(
      @PathParam("id") String id, @NotNull ConsoleDtos.CreateUser body) {
    String role = body.role() == null ? "owner" : body.role();
    return merchants
        .get(id)
        .chain(m -> consoleUsers.create(m.id, body.email(), role, body.password()))
        .map(
            created ->
                Response.status(201)
                    .header("Cache-Control", "no-store")
                    .entity(
                        new ConsoleDtos.CreatedUser(
                            created.id(),
                            "console_user",
                            created.email(),
                            created.role().word(),
                            created.password()))
                    .build());
  }

  @POST
  public Uni<Response> create(@Valid @NotNull AdminDtos.CreateMerchant body) {
    return merchants
        .create(body)
        .map(
            c ->
                Response.status(201)
                    .entity(view(c.merchant(), c.keys(), c.testSecret(), c.liveSecret()))
                    .build());
  }

  @GET
  public Uni<Page<AdminDtos.MerchantView>> list(
      @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
    return merchants.list(PageRequest.parse(limit, offset)).map(p -> p.map(m -> view(m, null)));
  }

  @GET
  @Path("/{id}")
  public Uni<AdminDtos.MerchantView> get(@PathParam("id") String id) {
    return merchants.get(id).chain(m -> merchants.keys(id).map(keys -> view(m, keys)));
  }

  @PATCH
  @Path("/{id}")
  public Uni<AdminDtos.MerchantView> update(
      @PathParam("id") String id, @Valid @NotNull AdminDtos.UpdateMerchant body) {
    return merchants
        .update(id, body)
        .call(m -> merchants.forgetAllCached())
        .chain(m -> merchants.keys(id).map(keys -> view(m, keys)));
  }

  @POST
  @Path("/{id}/keys/{keyId}/roll")
  public Uni<Response> roll(
      @PathParam("id") String id, @PathParam("keyId") String keyId, @Valid AdminDtos.RollKey body) {
    return merchants
        .roll(id, keyId, body == null ? null : body.gracePeriodHours())
        .call(r -> merchants.forgetCached(r.previous()))
        .map(
            r ->
                Response.status(201)
                    .entity(new AdminDtos.RolledKey(key(r.key()), r.secret(), key(r.previous())))
                    .build());
  }

  @POST
  @Path("/{id}/keys/{keyId}/revoke")
  public Uni<AdminDtos.KeyView> revoke(
      @PathParam("id") String id, @PathParam("keyId") String keyId) {
    return merchants.revoke(id, keyId).call(merchants::forgetCached).map(this::key);
  }

  private AdminDtos.MerchantView view(Merchant m, List<ApiKey> keys) {
    return view(m, keys, null, null);
  }

  private AdminDtos.MerchantView view(
      Merchant m, List<ApiKey> keys, String testSecret, String liveSecret) {
    return new AdminDtos.MerchantView(
        m.id,
        "merchant",
        m.name,
        m.gatewayAccountId,
        m.settlementCurrency,
        m.localCurrency,
        MerchantService.feePercent(m.feeBasisPoints),
        m.feeFixed,
        m.statementDescriptor,
        m.lateSuccess,
        m.rateLimitTest,
        m.rateLimitLive,
        m.createdAt.toString(),
        m.updatedAt.toString(),
        keys == null ? null : keys.stream().map(this::key).toList(),
        testSecret,
        liveSecret);
  }

  private AdminDtos.KeyView key(ApiKey k) {
    return AdminDtos.KeyView.of(k, clock.instant());
  }
}
