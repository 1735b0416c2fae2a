package dev.payplatform.checkout.rest.pages;

import dev.payplatform.checkout.config.PublicUrls;
import dev.payplatform.checkout.domain.IntentStatus;
import dev.payplatform.checkout.domain.InvalidCheckoutLink;
import dev.payplatform.checkout.domain.PaymentIntent;
import dev.payplatform.checkout.domain.SessionStatus;
import dev.payplatform.checkout.rest.CheckoutErrors;
import dev.payplatform.checkout.rest.PaymentIntentCreatedResponse;
import dev.payplatform.checkout.rest.pages.PageTemplates.ChallengePage;
import dev.payplatform.checkout.rest.pages.PageTemplates.CheckoutPage;
import dev.payplatform.checkout.rest.pages.PageTemplates.MessagePage;
import dev.payplatform.checkout.service.confirmation.CardFingerprints;
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
import dev.payplatform.processor.DeclineReasons;
import io.quarkus.qute.TemplateInstance;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The hosted pages buyers pay on, under {@code /checkout/**} (reached through the edge without a
 * key). They are bound to a merchant by the session id, the signed checkout token, or the one-time
 * 3-D Secure challenge token they carry. A problem is always a clear page, never a stack trace or a
 * JSON body.
 */
@Path("/checkout")
@PermitAll
public class CheckoutPagesResource {
  private static final Logger LOG = Logger.getLogger(CheckoutPagesResource.class);
  private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

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
        .map(
            s -> {
              SessionStatus status = s.effectiveStatus(Timestamps.now(clock));
              if (status == SessionStatus.COMPLETE) {
                return paid(s.merchantName, PublicUrls.withPaymentId(s.returnUrl, s.paymentId));
              }
              if (status == SessionStatus.EXPIRED) {
                return page(
                    410,
                    message(
                        "Checkout expired",
                        "This checkout has expired",
                        "This checkout is no longer available. Please go back to "
                            + merchantLabel(s.merchantName)
                            + " to start a new one."));
              }
              String intentUrl =
                  s.isSubscription() ? "/v1/payments/subscription" : "/v1/payments/intent";
              return page(
                  200,
                  PageTemplates.checkout(
                      new CheckoutPage(
                          merchantLabel(s.merchantName),
                          s.description,
                          List.of(s.items),
                          AmountFormat.display(s.amount, s.currency),
                          s.currency,
                          !s.livemode,
                          intentUrl,
                          "{\"session_id\":\"" + s.id + "\"}",
                          notice(declined))));
            })
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
        .map(
            pi -> {
              if (pi != null && pi.status == IntentStatus.SUCCEEDED) {
                return paid(
                    claims.merchantName(), PublicUrls.withPaymentId(pi.returnUrl, pi.paymentId));
              }
              if (pi != null && pi.status == IntentStatus.CANCELED) {
                return page(
                    410,
                    message(
                        "Payment closed",
                        "This payment was closed",
                        "It was canceled after too many failed attempts. Please contact "
                            + merchantLabel(claims.merchantName())
                            + " for a new payment link."));
              }
              return page(
                  200,
                  PageTemplates.checkout(
                      new CheckoutPage(
                          merchantLabel(claims.merchantName()),
                          claims.description(),
                          claims.items(),
                          AmountFormat.display(claims.amountMinor(), claims.currency()),
                          claims.currency(),
                          !claims.livemode(),
                          "/checkout/pay/" + paymentId + "/intent?data=" + encode(token),
                          "",
                          notice(declined))));
            })
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
        .map(
            pi -> {
              if (pi == null
                  || pi.status != IntentStatus.REQUIRES_ACTION
                  || !CardFingerprints.matches(challenge, pi.challengeTokenHash)) {
                return page(404, challengeGone());
              }
              String base = "/checkout/3ds/" + pi.id;
              return page(
                  200,
                  PageTemplates.challenge(
                      new ChallengePage(
                          merchantLabel(pi.merchantName),
                          AmountFormat.display(pi.amount, pi.currency),
                          cardLabel(pi),
                          !pi.livemode,
                          base + "/complete",
                          base + "/fail",
                          challenge)));
            })
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

  /**
   * Success sends the browser to return_url with id_payment; a failure back to the checkout page,
   * which shows why and lets the buyer retry.
   */
  private Uni<Response> answer(String intentId, String challenge, boolean authenticated) {
    if (challenge == null || challenge.isBlank()) {
      return Uni.createFrom().item(page(404, challengeGone()));
    }
    return confirmations
        .answerChallenge(intentId, challenge, authenticated)
        .map(
            outcome -> {
              PaymentIntent pi = outcome.intent();
              if (pi.status == IntentStatus.SUCCEEDED) {
                String target = PublicUrls.withPaymentId(pi.returnUrl, pi.paymentId);
                return target == null ? paid(pi.merchantName, null) : seeOther(target);
              }
              if (pi.checkoutPageUrl == null) {
                return page(
                    402,
                    message(
                        "Payment failed",
                        "Payment not completed",
                        DeclineReasons.message(pi.lastDeclineReason)));
              }
              String back = pi.checkoutPageUrl;
              back +=
                  (back.indexOf('?') < 0 ? "?" : "&") + "declined=" + encode(pi.lastDeclineReason);
              return seeOther(back);
            })
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

  /** Only the message of a known reason is shown: nothing from the URL is echoed. */
  private static String notice(String declined) {
    return declined == null || declined.isBlank() ? null : DeclineReasons.message(declined);
  }

  private static String cardLabel(PaymentIntent pi) {
    if (pi.cardLast4 == null) {
      return "your card";
    }
    return brandLabel(pi.cardBrand) + " ending in " + pi.cardLast4;
  }

  private static String brandLabel(String brand) {
    return switch (brand == null ? "" : brand) {
      case "visa" -> "Visa";
      case "mastercard" -> "Mastercard";
      case "amex" -> "American Express";
      case "discover" -> "Discover";
      case "diners" -> "Diners Club";
      case "jcb" -> "JCB";
      case "unionpay" -> "UnionPay";
      default -> "Card";
    };
  }

  private static String merchantLabel(String merchantName) {
    return merchantName == null || merchantName.isBlank() ? "the merchant" : merchantName;
  }

  private static Response paid(String merchantName, String continueUrl) {
    return page(
        200,
        PageTemplates.message(
            new MessagePage(
                "Payment complete",
                "Payment complete",
                "Thank you. Your payment to " + merchantLabel(merchantName) + " went through.",
                continueUrl,
                continueUrl == null ? null : "Continue")));
  }

  private static TemplateInstance challengeGone() {
    return message(
        "Verification link not valid",
        "This verification link is not valid",
        "It may have been used already. Go back to the checkout page to try again.");
  }

  private static TemplateInstance message(String title, String heading, String text) {
    return PageTemplates.message(new MessagePage(title, heading, text, null, null));
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

  private static Response page(int status, TemplateInstance template) {
    return Response.status(status)
        .type(HTML)
        .entity(template.render())
        // CSP, no framing, no Referer, no caching: commons' HtmlSecurityHeaders, on every page.
        .build();
  }

  // Relative locations stay relative, so a browser that came through the edge stays on it.
  private static Response seeOther(String location) {
    return Response.status(303)
        .header("Location", location)
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .build();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
