package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.service.confirmation.IntentConfirmation;
import dev.payplatform.checkout.service.intents.IntentCreation;
import dev.payplatform.commons.errors.PaymentFailedException;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.processor.CardDetails;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Payment intents for sessions, and confirmations (api-docs 000; docs/checkout.md, payment
 * intents). Public: bound to a merchant by the session id, and a confirmation by the intent's
 * client secret.
 */
@Path("/v1/payments")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntentResource {
  private final IntentCreation intents;
  private final IntentConfirmation confirmations;
  private final InstantSource clock;

  public IntentResource(
      IntentCreation intents, IntentConfirmation confirmations, InstantSource clock) {
    this.intents = intents;
    this.confirmations = confirmations;
    this.clock = clock;
  }

  /**
   * 201 with the session's open intent, created on first call and the same one after. A complete
   * session is 409, an expired one 410, a subscription-mode session 400 (use /subscription).
   */
  @POST
  @Path("/intent")
  @ResponseStatus(201)
  @Idempotent
  @Cancellable(false)
  public Uni<PaymentIntentCreatedResponse> createIntent(
      @Valid @NotNull CreatePaymentIntentRequest body) {
    return intents.forSession(body.sessionId(), false).map(PaymentIntentCreatedResponse::of);
  }

  /**
   * The intent of a subscription-mode session's first invoice; the first call also emits {@code
   * checkout.subscription_requested} for billing-service.
   */
  @POST
  @Path("/subscription")
  @ResponseStatus(201)
  @Idempotent
  @Cancellable(false)
  public Uni<PaymentIntentCreatedResponse> createSubscription(
      @Valid @NotNull CreatePaymentIntentRequest body) {
    return intents.forSession(body.sessionId(), true).map(PaymentIntentCreatedResponse::of);
  }

  /**
   * Runs the card: 200 with status succeeded (and redirect_url) or requires_action (and the
   * challenge URL); 402 {error: {…, decline_reason}} when declined; 422 naming each bad field; 404
   * for an unknown intent or a wrong client secret; 409/410 when it cannot be confirmed any more.
   */
  @POST
  @Path("/intent/{intentId}/confirm")
  @Idempotent(Idempotent.Commit.SEVERAL_TRANSACTIONS)
  @Cancellable(false)
  public Uni<PaymentIntentResponse> confirm(
      @PathParam("intentId") String intentId,
      @HeaderParam("X-Client-Address") String clientAddress,
      @Valid @NotNull ConfirmPaymentIntentRequest body) {
    CardDetails card = body.validate(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
    return confirmations
        .confirm(intentId, body.clientSecret(), card, body.email(), clientAddress)
        .map(
            outcome -> {
              if (outcome.decline() != null) {
                throw new PaymentFailedException(
                    outcome.decline().message(), outcome.decline().reason());
              }
              return PaymentIntentResponse.of(outcome.intent(), outcome.challengeUrl());
            });
  }
}
