package dev.payplatform.catalog.rest;

import dev.payplatform.catalog.domain.Product;
import dev.payplatform.catalog.service.PlanService;
import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.validation.JsonIntegers;
import dev.payplatform.commons.validation.Texts;
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

@Path("/v1/plans")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {
  private final PlanService plans;
  private final MerchantContext merchant;

  public PlanResource(PlanService plans, MerchantContext merchant) {
    this.plans = plans;
    this.merchant = merchant;
  }

  /**
   * A product id that is not this merchant's in this mode answers 404 "No such product: id". The
   * body's constraints ran already; Money re-checks amount and currency as the platform's rule.
   */
  @POST
  @Idempotent
  @Cancellable(false)
  public Uni<PlanResponse> create(@Valid @NotNull CreatePlanRequest body) {
    Money price =
        Money.ofMinorUnits(
            JsonIntegers.toLong(body.amount()),
            Money.parseCurrency(body.currency(), "body", "currency"),
            "body",
            "amount");
    Long count = JsonIntegers.toLong(body.intervalCount());
    PlanService.NewPlan plan =
        new PlanService.NewPlan(
            body.productId(),
            price,
            body.interval(),
            count == null ? 1 : count.intValue(),
            Texts.trimToNull(body.nickname()));
    return plans.create(tenant(), plan).map(PlanResponse::of);
  }

  /** Newest first; {@code product_id=prod_...} filters. */
  @GET
  public Uni<Page<PlanResponse>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("product_id") String productId) {
    ListQuery query = new ListQuery(limit, offset);
    String productFilter = query.idFilter("product_id", productId, Product.ID_PREFIX);
    return plans
        .list(tenant(), productFilter, query.page())
        .map(page -> page.map(PlanResponse::of));
  }

  @GET
  @Path("/{id}")
  public Uni<PlanResponse> get(@PathParam("id") String id) {
    return plans.get(tenant(), id).map(PlanResponse::of);
  }

  private Tenant tenant() {
    return Tenant.of(merchant);
  }
}
