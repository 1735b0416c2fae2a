package dev.payplatform.catalog.rest;

import dev.payplatform.catalog.service.ProductService;
import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
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

@Path("/v1/products")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {
  private final ProductService products;
  private final MerchantContext merchant;

  public ProductResource(ProductService products, MerchantContext merchant) {
    this.products = products;
    this.merchant = merchant;
  }

  @POST
  @Idempotent
  @Cancellable(false)
  public Uni<ProductResponse> create(@Valid @NotNull CreateProductRequest body) {
    boolean active = body.active() == null || body.active();
    return products
        .create(tenant(), body.name().strip(), Texts.trimToNull(body.description()), active)
        .map(ProductResponse::of);
  }

  /** Newest first; {@code active=true|false} filters. */
  @GET
  public Uni<Page<ProductResponse>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("active") String active) {
    ListQuery query = new ListQuery(limit, offset);
    Boolean activeFilter = query.booleanFilter("active", active);
    return products
        .list(tenant(), activeFilter, query.page())
        .map(page -> page.map(ProductResponse::of));
  }

  @GET
  @Path("/{id}")
  public Uni<ProductResponse> get(@PathParam("id") String id) {
    return products.get(tenant(), id).map(ProductResponse::of);
  }

  private Tenant tenant() {
    return Tenant.of(merchant);
  }
}
