package dev.payplatform.payments.rest;

import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.payments.domain.DisputeStatus;
import dev.payplatform.payments.service.disputes.DisputeAcceptance;
import dev.payplatform.payments.service.disputes.DisputeEvidenceUpdate;
import dev.payplatform.payments.service.disputes.DisputeQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Disputes (docs/disputes.md): the merchant reads them, saves and submits evidence, or accepts the
 * loss. Every query is bound to the key's merchant and mode; another merchant's dispute is 404.
 */
@Path("/v1/disputes")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
public class DisputesResource {
  private static final Set<String> STATUSES =
      Arrays.stream(DisputeStatus.values()).map(DisputeStatus::wire).collect(Collectors.toSet());

  private final DisputeQueries queries;
  private final DisputeEvidenceUpdate evidence;
  private final DisputeAcceptance acceptance;
  private final MerchantContext merchant;
  private final InstantSource clock;

  public DisputesResource(
      DisputeQueries queries,
      DisputeEvidenceUpdate evidence,
      DisputeAcceptance acceptance,
      MerchantContext merchant,
      InstantSource clock) {
    this.queries = queries;
    this.evidence = evidence;
    this.acceptance = acceptance;
    this.merchant = merchant;
    this.clock = clock;
  }

  /** Newest first; filters {@code payment_id}, {@code status}, {@code created[gte|lte]}. */
  @GET
  public Uni<Page<DisputeResponse>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("payment_id") String paymentId,
      @QueryParam("status") String status,
      @QueryParam("created[gte]") String createdGte,
      @QueryParam("created[lte]") String createdLte) {
    ListQuery query = new ListQuery(limit, offset);
    String payment = query.idFilter("payment_id", paymentId, Ids.PAYMENT);
    String statusFilter = query.oneOf("status", status, STATUSES);
    CreatedRange created = query.created(createdGte, createdLte);
    return queries
        .list(
            Tenant.of(merchant),
            new DisputeQueries.Filter(payment, statusFilter, created),
            query.page())
        .map(page -> page.map(found -> DisputeResponse.of(found, clock.instant())));
  }

  @GET
  @Path("/{id}")
  public Uni<DisputeResponse> get(@PathParam("id") String id) {
    return queries.get(Tenant.of(merchant), id).map(f -> DisputeResponse.of(f, clock.instant()));
  }

  /** Saves evidence; with {@code submit: true} submits it (read-only from then on). */
  @POST
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Cancellable(false)
  public Uni<DisputeResponse> update(@PathParam("id") String id, @Valid UpdateDisputeRequest body) {
    Tenant tenant = Tenant.of(merchant);
    UpdateDisputeRequest request = body == null ? new UpdateDisputeRequest(null, null) : body;
    return evidence
        .update(
            tenant,
            id,
            request.evidence() == null ? null : request.evidence().toDomain(),
            Boolean.TRUE.equals(request.submit()))
        .chain(d -> queries.get(tenant, d.id))
        .map(f -> DisputeResponse.of(f, clock.instant()));
  }

  /** Accepts the dispute: a chargeback is lost, an inquiry closed. */
  @POST
  @Path("/{id}/close")
  @Idempotent
  @Cancellable(false)
  public Uni<DisputeResponse> close(@PathParam("id") String id) {
    Tenant tenant = Tenant.of(merchant);
    return acceptance
        .accept(tenant, id)
        .chain(d -> queries.get(tenant, d.id))
        .map(f -> DisputeResponse.of(f, clock.instant()));
  }
}
