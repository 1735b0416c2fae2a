package dev.payplatform.billing.rest;

import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.billing.service.links.PaymentLinkService;
import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.money.Money;
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

/** The Payment Links API (api-docs 003), plus get, deactivate and reactivate. */
@Path("/v1/payment-links")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentLinkResource {
  private final PaymentLinkService links;
  private final MerchantContext merchant;
  private final BuyerUrls urls;

  public PaymentLinkResource(PaymentLinkService links, MerchantContext merchant, BuyerUrls urls) {
    this.links = links;
    this.merchant = merchant;
    this.urls = urls;
  }

  /** 200 with exactly {@code {id, object, url, active}}, as documented. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Cancellable(false)
  public Uni<PaymentLinkResponse> create(@Valid @NotNull CreatePaymentLinkRequest body) {
    Money price =
        Money.ofMinorUnits(
            JsonIntegers.toLong(body.amount()),
            Money.parseCurrency(body.currency(), "body", "currency"),
            "body",
            "amount");
    return links
        .create(tenant(), price, body.description().strip(), merchant.merchantName())
        .map(l -> PaymentLinkResponse.of(l, urls));
  }

  /** The documented envelope of {@code PaymentLinkResponse}, newest first. */
  @GET
  public Uni<Page<PaymentLinkResponse>> list(
      @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
    ListQuery query = new ListQuery(limit, offset);
    return links
        .list(tenant(), query.page())
        .map(page -> page.map(l -> PaymentLinkResponse.of(l, urls)));
  }

  @GET
  @Path("/{id}")
  public Uni<PaymentLinkDetailResponse> get(@PathParam("id") String id) {
    return links.get(tenant(), id).map(l -> PaymentLinkDetailResponse.of(l, urls));
  }

  /** The link page then answers 410; idempotent. */
  @POST
  @Path("/{id}/deactivate")
  @Idempotent
  @Cancellable(false)
  public Uni<PaymentLinkDetailResponse> deactivate(@PathParam("id") String id) {
    return links.setActive(tenant(), id, false).map(l -> PaymentLinkDetailResponse.of(l, urls));
  }

  @POST
  @Path("/{id}/reactivate")
  @Idempotent
  @Cancellable(false)
  public Uni<PaymentLinkDetailResponse> reactivate(@PathParam("id") String id) {
    return links.setActive(tenant(), id, true).map(l -> PaymentLinkDetailResponse.of(l, urls));
  }

  private Tenant tenant() {
    return Tenant.of(merchant);
  }
}
