package dev.payplatform.edge.rest;

import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.edge.domain.ApiKey;
import dev.payplatform.edge.domain.Merchant;
import dev.payplatform.edge.service.MerchantKeys;
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

/** The operator API: merchants and their keys. Guarded by {@link MerchantAdminFilter}. */
@Path("/admin/merchants")
public class AdminResource {
  private final MerchantService merchants;
  private final MerchantKeys apiKeys;
  private final InstantSource clock;

  public AdminResource(MerchantService merchants, MerchantKeys apiKeys, InstantSource clock) {
    this.merchants = merchants;
    this.apiKeys = apiKeys;
    this.clock = clock;
  }

  @POST
  public Uni<Response> create(@Valid @NotNull CreateMerchantRequest body) {
    return merchants
        .create(body)
        .map(
            c ->
                Response.status(201)
                    .entity(view(c.merchant(), c.keys(), c.testSecret(), c.liveSecret()))
                    .build());
  }

  @GET
  public Uni<Page<MerchantResponse>> list(
      @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
    return merchants.list(PageRequest.parse(limit, offset)).map(p -> p.map(m -> view(m, null)));
  }

  @GET
  @Path("/{id}")
  public Uni<MerchantResponse> get(@PathParam("id") String id) {
    return merchants.get(id).chain(m -> apiKeys.list(id).map(keys -> view(m, keys)));
  }

  @PATCH
  @Path("/{id}")
  public Uni<MerchantResponse> update(
      @PathParam("id") String id, @Valid @NotNull UpdateMerchantRequest body) {
    return merchants
        .update(id, body)
        .call(m -> merchants.forgetAllCached())
        .chain(m -> apiKeys.list(id).map(keys -> view(m, keys)));
  }

  @POST
  @Path("/{id}/keys/{keyId}/roll")
  public Uni<Response> roll(
      @PathParam("id") String id, @PathParam("keyId") String keyId, @Valid RollKeyRequest body) {
    return apiKeys
        .roll(id, keyId, body == null ? null : body.gracePeriodHours())
        .call(r -> apiKeys.forgetCached(r.previous()))
        .map(
            r ->
                Response.status(201)
                    .entity(new RolledKeyResponse(key(r.key()), r.secret(), key(r.previous())))
                    .build());
  }

  @POST
  @Path("/{id}/keys/{keyId}/revoke")
  public Uni<ApiKeyResponse> revoke(@PathParam("id") String id, @PathParam("keyId") String keyId) {
    return apiKeys.revoke(id, keyId).call(apiKeys::forgetCached).map(this::key);
  }

  private MerchantResponse view(Merchant m, List<ApiKey> keys) {
    return view(m, keys, null, null);
  }

  private MerchantResponse view(
      Merchant m, List<ApiKey> keys, String testSecret, String liveSecret) {
    return new MerchantResponse(
        m.id,
        "merchant",
        m.name,
        m.gatewayAccountId,
        m.settlementCurrency,
        m.localCurrency,
        m.feePercent(),
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

  private ApiKeyResponse key(ApiKey k) {
    return ApiKeyResponse.of(k, clock.instant());
  }
}
