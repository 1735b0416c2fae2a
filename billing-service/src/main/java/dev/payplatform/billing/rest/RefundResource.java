package dev.payplatform.billing.rest;

import dev.payplatform.billing.service.refunds.RefundService;
import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.validation.JsonIntegers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/v1/refunds")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {
  private final RefundService refunds;
  private final MerchantContext merchant;

  public RefundResource(RefundService refunds, MerchantContext merchant) {
    this.refunds = refunds;
    this.merchant = merchant;
  }

  /**
   * A pending refund of (part of) a completed payment. 404 naming payment_id when the payment is
   * unknown or another merchant's or mode's; 409 when it is not completed or nothing remains; 400
   * when the amount exceeds what remains refundable.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Cancellable(false)
  public Uni<RefundResponse> create(@Valid @NotNull CreateRefundRequest body) {
    return refunds
        .create(
            tenant(), body.paymentId().strip(), JsonIntegers.toLong(body.amount()), body.reason())
        .map(RefundResponse::of);
  }

  /** Newest first; {@code payment_id} filters. */
  @GET
  public Uni<Page<RefundResponse>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("payment_id") String paymentId) {
    ListQuery query = new ListQuery(limit, offset);
    String paymentFilter = query.idFilter("payment_id", paymentId, Ids.PAYMENT);
    return refunds
        .list(tenant(), paymentFilter, query.page())
        .map(page -> page.map(RefundResponse::of));
  }

  @GET
  @Path("/{id}")
  public Uni<RefundResponse> get(@PathParam("id") String id) {
    return refunds.get(tenant(), id).map(RefundResponse::of);
  }

  private Tenant tenant() {
    return Tenant.of(merchant);
  }
}
