package dev.payplatform.billing.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.billing.service.subscriptions.TestClocks;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;

/**
 * The operator's subscription clock (docs/billing.md): {@code POST
 * /admin/subscriptions/{id}/test_clock/advance} {@code {"merchant_id", "livemode", "seconds"}} on
 * billing's own port with the operator token. Test-mode subscriptions as the merchant's endpoint
 * does; live ones only where {@code billing.live-test-clock} is on (the local platform, to prove
 * live renewals against its stand-in acquirer).
 */
@Path("/admin/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSubscriptionClockResource {
  private final TestClocks testClocks;
  private final BuyerUrls urls;
  private final InstantSource clock;

  public AdminSubscriptionClockResource(
      TestClocks testClocks, BuyerUrls urls, InstantSource clock) {
    this.testClocks = testClocks;
    this.urls = urls;
    this.clock = clock;
  }

  @POST
  @Path("/{id}/test_clock/advance")
  public Uni<SubscriptionResponse> advance(@PathParam("id") String id, JsonNode body) {
    if (body == null || !body.path("merchant_id").isTextual()) {
      throw new ValidationFailedException(FieldError.missing("body", "merchant_id"));
    }
    long seconds = body.path("seconds").asLong(0);
    if (seconds <= 0 || seconds > AdvanceClockRequest.MAX_SECONDS) {
      throw new ValidationFailedException(
          FieldError.body("seconds", "must be a positive number of seconds, at most 10 years"));
    }
    Tenant tenant =
        new Tenant(body.get("merchant_id").asText(), body.path("livemode").asBoolean(false));
    return testClocks
        .advanceAsOperator(tenant, id, seconds)
        .map(
            s ->
                SubscriptionResponse.of(
                    s.subscription(), s.latestInvoice(), urls, clock.instant()));
  }
}
