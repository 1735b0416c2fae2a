package dev.payplatform.payments.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.payments.service.payouts.PayoutQueries;
import dev.payplatform.payments.service.payouts.PayoutSettingsUpdate;
import dev.payplatform.payments.service.payouts.PayoutTestClock;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * {@code /v1/payout_settings} (docs/payouts.md): the payout schedule, the bank account payouts go
 * to, and the test-mode payout clock.
 */
@Path("/v1/payout_settings")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
public class PayoutSettingsResource {
  private final PayoutQueries queries;
  private final PayoutSettingsUpdate update;
  private final PayoutTestClock testClock;
  private final MerchantContext merchant;
  private final InstantSource clock;

  public PayoutSettingsResource(
      PayoutQueries queries,
      PayoutSettingsUpdate update,
      PayoutTestClock testClock,
      MerchantContext merchant,
      InstantSource clock) {
    this.queries = queries;
    this.update = update;
    this.testClock = testClock;
    this.merchant = merchant;
    this.clock = clock;
  }

  @GET
  public Uni<PayoutSettingsResponse> get() {
    return queries
        .settings(Tenant.of(merchant))
        .map(s -> PayoutSettingsResponse.of(s, clock.instant()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Cancellable(false)
  public Uni<PayoutSettingsResponse> update(@Valid UpdatePayoutSettingsRequest body) {
    return update
        .update(Tenant.of(merchant), PayoutSettingsRequests.change(body))
        .map(s -> PayoutSettingsResponse.of(s, clock.instant()));
  }

  /** Test mode only: {@code {"seconds": N}} or {@code {"to": "ISO-8601"}}. */
  @POST
  @Path("/test_clock/advance")
  @Consumes(MediaType.APPLICATION_JSON)
  @Cancellable(false)
  public Uni<PayoutSettingsResponse> advance(JsonNode body) {
    JsonNode seconds = body == null ? null : body.get("seconds");
    JsonNode to = body == null ? null : body.get("to");
    if ((seconds == null) == (to == null)) {
      throw new ValidationFailedException(
          FieldError.body("seconds", "give either seconds or to (an ISO-8601 time)"));
    }
    if (seconds != null && !seconds.canConvertToLong()) {
      throw new ValidationFailedException(FieldError.body("seconds", "must be an integer"));
    }
    Instant target = null;
    if (to != null) {
      try {
        target = Instant.parse(to.asText());
      } catch (DateTimeException e) {
        throw new ValidationFailedException(
            FieldError.body("to", "must be an ISO-8601 time such as 2026-12-08T00:00:00Z"));
      }
    }
    return testClock
        .advance(Tenant.of(merchant), seconds == null ? null : seconds.asLong(), target)
        .map(s -> PayoutSettingsResponse.of(s, clock.instant()));
  }
}
