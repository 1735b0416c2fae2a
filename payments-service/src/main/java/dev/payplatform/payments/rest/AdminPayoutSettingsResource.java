package dev.payplatform.payments.rest;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.payments.service.payouts.PayoutQueries;
import dev.payplatform.payments.service.payouts.PayoutSettingsUpdate;
import io.smallrye.mutiny.Uni;
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

/**
 * The operator sets a merchant's payout schedule or bank account (docs/payouts.md), for a merchant
 * onboarded by the platform's team: {@code /admin/payout_settings/{merchant_id}?livemode=}, the
 * merchant's request body, the same rules (a new account holds payouts 24 hours). Guarded by {@link
 * PaymentsAdminFilter}.
 */
@Path("/admin/payout_settings")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPayoutSettingsResource {
  private final PayoutQueries queries;
  private final PayoutSettingsUpdate update;
  private final InstantSource clock;

  public AdminPayoutSettingsResource(
      PayoutQueries queries, PayoutSettingsUpdate update, InstantSource clock) {
    this.queries = queries;
    this.update = update;
    this.clock = clock;
  }

  @GET
  @Path("/{merchant}")
  public Uni<PayoutSettingsResponse> get(
      @PathParam("merchant") String merchant, @QueryParam("livemode") boolean livemode) {
    return queries
        .settings(new Tenant(merchant, livemode))
        .map(s -> PayoutSettingsResponse.of(s, clock.instant()));
  }

  @POST
  @Path("/{merchant}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<PayoutSettingsResponse> update(
      @PathParam("merchant") String merchant,
      @QueryParam("livemode") boolean livemode,
      @Valid UpdatePayoutSettingsRequest body) {
    return update
        .update(new Tenant(merchant, livemode), PayoutSettingsRequests.change(body))
        .map(s -> PayoutSettingsResponse.of(s, clock.instant()));
  }
}
