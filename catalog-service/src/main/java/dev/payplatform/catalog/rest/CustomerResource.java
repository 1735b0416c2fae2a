package dev.payplatform.catalog.rest;

import dev.payplatform.catalog.rest.validation.Emails;
import dev.payplatform.catalog.service.CustomerService;
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

@Path("/v1/customers")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {
  private final CustomerService customers;
  private final MerchantContext merchant;

  public CustomerResource(CustomerService customers, MerchantContext merchant) {
    this.customers = customers;
    this.merchant = merchant;
  }

  @POST
  @Idempotent
  @Cancellable(false)
  public Uni<CustomerResponse> create(@Valid @NotNull CreateCustomerRequest body) {
    CustomerService.NewCustomer customer =
        new CustomerService.NewCustomer(
            body.email().strip(),
            Texts.trimToNull(body.name()),
            Texts.trimToNull(body.description()),
            Texts.trimToNull(body.phone()));
    return customers.create(tenant(), customer).map(CustomerResponse::of);
  }

  /** Newest first; {@code email=...} filters, case-insensitively. */
  @GET
  public Uni<Page<CustomerResponse>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("email") String email) {
    ListQuery query = new ListQuery(limit, offset);
    String emailFilter =
        query.textFilter(
            "email",
            email,
            v -> !Texts.hasControlCharacters(v, false) && Emails.isValid(v),
            "must be a valid email address");
    return customers
        .list(tenant(), emailFilter, query.page())
        .map(page -> page.map(CustomerResponse::of));
  }

  @GET
  @Path("/{id}")
  public Uni<CustomerResponse> get(@PathParam("id") String id) {
    return customers.get(tenant(), id).map(CustomerResponse::of);
  }

  private Tenant tenant() {
    return Tenant.of(merchant);
  }
}
