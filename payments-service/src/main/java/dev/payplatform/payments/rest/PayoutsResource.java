package dev.payplatform.payments.rest;

import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.payments.domain.PayoutStatus;
import dev.payplatform.payments.messaging.PaymentEvents.PayoutData;
import dev.payplatform.payments.service.payouts.PayoutCancellation;
import dev.payplatform.payments.service.payouts.PayoutCreation;
import dev.payplatform.payments.service.payouts.PayoutQueries;
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
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Payouts (docs/payouts.md): the merchant's manual payouts, and every payout to read. Every query
 * is bound to the key's merchant and mode; another merchant's payout is 404.
 */
@Path("/v1/payouts")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutsResource {
  private static final Set<String> STATUSES =
      Arrays.stream(PayoutStatus.values()).map(PayoutStatus::wire).collect(Collectors.toSet());

  private final PayoutQueries queries;
  private final PayoutCreation creation;
  private final PayoutCancellation cancellation;
  private final MerchantContext merchant;

  public PayoutsResource(
      PayoutQueries queries,
      PayoutCreation creation,
      PayoutCancellation cancellation,
      MerchantContext merchant) {
    this.queries = queries;
    this.creation = creation;
    this.cancellation = cancellation;
    this.merchant = merchant;
  }

  /** A manual payout of at most the available balance (the manual schedule only). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Cancellable(false)
  public Uni<PayoutData> create(
      @Valid @NotNull(message = "a JSON body is required") CreatePayoutRequest body) {
    String currency = Money.parseCurrency(body.currency(), "body", "currency").getCurrencyCode();
    // Integer minor units only: 1.5 is refused, never rounded.
    if (body.amount().stripTrailingZeros().scale() > 0
        || body.amount().compareTo(java.math.BigDecimal.valueOf(Money.MAX_MINOR_UNITS)) > 0) {
      throw new dev.payplatform.commons.errors.ValidationFailedException(
          dev.payplatform.commons.errors.FieldError.body(
              "amount", "must be a positive integer of minor units"));
    }
    return creation
        .create(Tenant.of(merchant), body.amount().longValueExact(), currency, body.description())
        .map(PayoutData::of);
  }

  /** Newest first; filters {@code status}, {@code created[gte|lte]}. */
  @GET
  public Uni<Page<PayoutData>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("status") String status,
      @QueryParam("created[gte]") String createdGte,
      @QueryParam("created[lte]") String createdLte) {
    ListQuery query = new ListQuery(limit, offset);
    String statusFilter = query.oneOf("status", status, STATUSES);
    CreatedRange created = query.created(createdGte, createdLte);
    return queries
        .list(Tenant.of(merchant), new PayoutQueries.Filter(statusFilter, created), query.page())
        .map(page -> page.map(PayoutData::of));
  }

  @GET
  @Path("/{id}")
  public Uni<PayoutData> get(@PathParam("id") String id) {
    return queries.get(Tenant.of(merchant), id).map(PayoutData::of);
  }

  /** While it is pending and not yet sent to the bank. */
  @POST
  @Path("/{id}/cancel")
  @Idempotent
  @Cancellable(false)
  public Uni<PayoutData> cancel(@PathParam("id") String id) {
    return cancellation.cancel(Tenant.of(merchant), id).map(PayoutData::of);
  }
}
