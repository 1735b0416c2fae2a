package dev.payplatform.billing.rest;

import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.billing.domain.SubscriptionStatus;
import dev.payplatform.billing.service.subscriptions.SubscriptionCancellation;
import dev.payplatform.billing.service.subscriptions.SubscriptionCreation;
import dev.payplatform.billing.service.subscriptions.SubscriptionQueries;
import dev.payplatform.billing.service.subscriptions.SubscriptionWithInvoice;
import dev.payplatform.billing.service.subscriptions.TestClocks;
import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.paging.ListQuery;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.state.WireWord;
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
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/v1/subscriptions")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {
  private final SubscriptionCreation creation;
  private final SubscriptionQueries queries;
  private final SubscriptionCancellation cancellation;
  private final TestClocks testClocks;
  private final MerchantContext merchant;
  private final BuyerUrls urls;
  private final InstantSource clock;

  public SubscriptionResource(
      SubscriptionCreation creation,
      SubscriptionQueries queries,
      SubscriptionCancellation cancellation,
      TestClocks testClocks,
      MerchantContext merchant,
      BuyerUrls urls,
      InstantSource clock) {
    this.creation = creation;
    this.queries = queries;
    this.cancellation = cancellation;
    this.testClocks = testClocks;
    this.merchant = merchant;
    this.urls = urls;
    this.clock = clock;
  }

  /**
   * The subscription (incomplete, or trialing) with its first invoice as {@code latest_invoice},
   * whose {@code payment_url} is the hosted page where the customer pays it.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Cancellable(false)
  public Uni<SubscriptionResponse> create(@Valid @NotNull CreateSubscriptionRequest body) {
    Long trialDays = JsonIntegers.toLong(body.trialDays());
    var req =
        new SubscriptionCreation.NewSubscription(
            body.customerId().strip(),
            body.planId().strip(),
            trialDays == null ? null : trialDays.intValue());
    return creation.create(tenant(), req, merchant.merchantName()).map(this::view);
  }

  /** Newest first; {@code status} and {@code customer_id} filter. */
  @GET
  public Uni<Page<SubscriptionResponse>> list(
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("status") String status,
      @QueryParam("customer_id") String customerId) {
    ListQuery query = new ListQuery(limit, offset);
    SubscriptionStatus statusFilter =
        WireWord.parse(
            SubscriptionStatus.class, query.oneOf("status", status, SubscriptionStatus.WORDS));
    String customerFilter = query.idFilter("customer_id", customerId, "cus");
    return queries
        .list(tenant(), statusFilter, customerFilter, query.page())
        .map(page -> page.map(this::view));
  }

  @GET
  @Path("/{id}")
  public Uni<SubscriptionResponse> get(@PathParam("id") String id) {
    return queries.get(tenant(), id).map(this::view);
  }

  /** Cancels now, or with {@code {"at_period_end": true}} when the current period ends. */
  @POST
  @Path("/{id}/cancel")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @Idempotent
  @Cancellable(false)
  public Uni<SubscriptionResponse> cancel(
      @PathParam("id") String id, CancelSubscriptionRequest body) {
    boolean atPeriodEnd = body != null && Boolean.TRUE.equals(body.atPeriodEnd());
    return cancellation.cancel(tenant(), id, atPeriodEnd).map(this::view);
  }

  /**
   * Test mode only: moves this subscription's clock forward ({@code {"seconds": N}} or {@code
   * {"to": "2026-06-01T00:00:00Z"}}) and runs the renewals, retries and expiries that became due
   * before answering. 400 with a live key.
   */
  @POST
  @Path("/{id}/test_clock/advance")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Cancellable(false)
  public Uni<SubscriptionResponse> advanceClock(
      @PathParam("id") String id, @Valid @NotNull AdvanceClockRequest body) {
    Long seconds = JsonIntegers.toLong(body.seconds());
    Instant to = null;
    if (seconds == null && body.to() == null) {
      throw new ValidationFailedException(
          new FieldError(
              List.of("body", "seconds"),
              "field required: give seconds or to",
              "value_error.missing"));
    }
    if (seconds != null && body.to() != null) {
      throw new ValidationFailedException(
          new FieldError(List.of("body"), "give either seconds or to, not both", "value_error"));
    }
    if (body.to() != null) {
      try {
        to = OffsetDateTime.parse(body.to()).toInstant();
      } catch (DateTimeParseException e) {
        throw new ValidationFailedException(
            FieldError.body("to", "must be an ISO-8601 date-time such as 2026-06-01T00:00:00Z"));
      }
      if (to.isAfter(clock.instant().plus(Duration.ofSeconds(AdvanceClockRequest.MAX_SECONDS)))) {
        throw new ValidationFailedException(
            FieldError.body("to", "must be at most 10 years ahead"));
      }
    }
    return testClocks.advance(tenant(), id, seconds, to).map(this::view);
  }

  private SubscriptionResponse view(SubscriptionWithInvoice s) {
    return SubscriptionResponse.of(s.subscription(), s.latestInvoice(), urls, clock.instant());
  }

  private Tenant tenant() {
    return Tenant.of(merchant);
  }
}
