package dev.payplatform.checkout.rest.pages;

import static dev.payplatform.checkout.rest.pages.HostedPageResponses.message;
import static dev.payplatform.checkout.rest.pages.HostedPageResponses.page;

import dev.payplatform.checkout.domain.InvalidCheckoutLink;
import dev.payplatform.checkout.rest.CheckoutErrors;
import dev.payplatform.checkout.rest.PaymentIntentCreatedResponse;
import dev.payplatform.checkout.service.confirmation.IntentConfirmation;
import dev.payplatform.checkout.service.intents.IntentCreation;
import dev.payplatform.checkout.service.intents.IntentReads;
import dev.payplatform.checkout.service.sessions.SessionService;
import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.checkout.CheckoutTokens;
import dev.payplatform.commons.checkout.InvalidCheckoutTokenException;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.DomainException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.commons.web.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The hosted pages buyers pay on, under {@code /checkout/**} (reached through the edge without a
 * key). They are bound to a merchant by the session id, the signed checkout token, or the one-time
 * 3-D Secure challenge token they carry. A problem is always a clear page, never a stack trace or a
 * JSON body.
 *
 * <p>The endpoints fetch and answer through the services; what each page shows is built by {@link
 * CardFormPages} and {@link ChallengePages}.
 */
@Path("/checkout")
@PermitAll
public class CheckoutPagesResource {
  private static final Logger LOG = Logger.getLogger(CheckoutPagesResource.class);

  private final SessionService sessions;
  private final IntentReads intents;
  private final IntentCreation creation;
  private final IntentConfirmation confirmations;
  private final CheckoutTokens tokens;
  private final InstantSource clock;

  public CheckoutPagesResource(
      SessionService sessions,
      IntentReads intents,
      IntentCreation creation,
      IntentConfirmation confirmations,
      CheckoutTokens tokens,
      InstantSource clock) {
    this.sessions = sessions;
    this.intents = intents;
    this.creation = creation;
    this.confirmations = confirmations;
    this.tokens = tokens;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- checkout session page

  @GET
  @Path("/session/{sessionId}")
  @Produces(MediaType.TEXT_HTML)
  public Uni<Response> sessionPage(
      @PathParam("sessionId") String sessionId, @QueryParam("declined") String declined) {
    return sessions
        .find(sessionId)
        .map(s -> CardFormPages.forSession(s, Timestamps.now(clock), declined))
        .onFailure()
        .recoverWithItem(CheckoutPagesResource::errorPage);
  }

  // ---------------------------------------------------------------- hosted payment page

  /** A hosted payment, a payment-link visit or an invoice: everything is in the signed token. */
  @GET
  @Path("/pay/{paymentId}")
  @Produces(MediaType.TEXT_HTML)
  public Uni<Response> payPage(
      @PathParam("paymentId") String paymentId,
      @QueryParam("data") String token,
      @QueryParam("declined") String declined) {
    CheckoutClaims claims;
    try {
      claims = verify(paymentId, token);
    } catch (ApiException | DomainException e) {
      return Uni.createFrom().item(errorPage(e));
    }
    return intents
        .findByPayment(claims.merchantId(), claims.livemode(), paymentId)
        .map(pi -> CardFormPages.forHostedPayment(paymentId, token, claims, pi, declined))
        .onFailure()
        .recoverWithItem(CheckoutPagesResource::errorPage);
  }

  /**
   * Page-only: the hosted payment's intent, created on first call (201, the same body as {@code
   * POST /v1/payments/intent}). JSON errors, for the page's script.
   */
  @POST
  @Path("/pay/{paymentId}/intent")
  @Produces(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<PaymentIntentCreatedResponse> payIntent(
      @PathParam("paymentId") String paymentId, @QueryParam("data") String token) {
    CheckoutClaims claims = verify(paymentId, token);
    return creation.forToken(claims, token).map(PaymentIntentCreatedResponse::of);
  }

  // ---------------------------------------------------------------- 3-D Secure challenge

  @GET
  @Path("/3ds/{intentId}")
  @Produces(MediaType.TEXT_HTML)
  public Uni<Response> challengePage(
      @PathParam("intentId") String intentId, @QueryParam("challenge") String challenge) {
    return intents
        .find(intentId)
        .map(pi -> ChallengePages.forIntent(pi, challenge))
        .onFailure()
        .recoverWithItem(CheckoutPagesResource::errorPage);
  }

  @POST
  @Path("/3ds/{intentId}/complete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Cancellable(false)
  public Uni<Response> completeChallenge(
      @PathParam("intentId") String intentId, @FormParam("challenge") String challenge) {
    return answer(intentId, challenge, true);
  }

  @POST
  @Path("/3ds/{intentId}/fail")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Cancellable(false)
  public Uni<Response> failChallenge(
      @PathParam("intentId") String intentId, @FormParam("challenge") String challenge) {
    return answer(intentId, challenge, false);
  }

  /** The buyer's answer to the challenge, and the page it leads to ({@link ChallengePages}). */
  private Uni<Response> answer(String intentId, String challenge, boolean authenticated) {
    if (challenge == null || challenge.isBlank()) {
      return Uni.createFrom().item(ChallengePages.gone());
    }
    return confirmations
        .answerChallenge(intentId, challenge, authenticated)
        .map(outcome -> ChallengePages.answered(outcome.intent()))
        .onFailure()
        .recoverWithItem(CheckoutPagesResource::errorPage);
  }

  // ---------------------------------------------------------------- helpers

  /** The token's claims if it is valid, unexpired and for this payment; else 400 or 410. */
  private CheckoutClaims verify(String paymentId, String token) {
    CheckoutClaims claims;
    try {
      claims = tokens.verify(token);
    } catch (InvalidCheckoutTokenException e) {
      if (e.expired()) {
        throw new ApiException(
            410, "Checkout link expired", "This payment link has expired. Ask for a new one.");
      }
      throw new InvalidCheckoutLink();
    }
    if (!paymentId.equals(claims.paymentId())) {
      throw new InvalidCheckoutLink();
    }
    return claims;
  }

  /** Whatever went wrong, the buyer gets a page that says so in words. */
  private static Response errorPage(Throwable failure) {
    ApiException e = answerOf(failure);
    if (e != null) {
      String heading =
          switch (e.status()) {
            case 404 -> "Checkout not found";
            case 410 -> "This checkout has expired";
            case 409 -> "This payment is already complete";
            case 400 -> "This checkout link is not valid";
            default -> e.title();
          };
      return page(e.status(), message(e.title(), heading, e.content()));
    }
    LOG.errorf(failure, "hosted page failed (request %s)", RequestIds.current().orElse("-"));
    return page(
        500,
        message(
            "Something went wrong",
            "Something went wrong",
            "We could not load this page. No payment was made; please try again in a moment."));
  }

  // The answer the JSON API would give: a checkout rule's, or an HTTP-shaped error's own.
  private static ApiException answerOf(Throwable failure) {
    if (failure instanceof DomainException rule) {
      return CheckoutErrors.answer(rule);
    }
    return failure instanceof ApiException e ? e : null;
  }
}
