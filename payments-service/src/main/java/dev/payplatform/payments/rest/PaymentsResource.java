package dev.payplatform.payments.rest;

import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.checkout.CheckoutTokens;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
import dev.payplatform.payments.config.PaymentsConfig;
import dev.payplatform.payments.config.PaymentsPublicUrlsConfig;
import dev.payplatform.payments.domain.Payment;
import dev.payplatform.payments.service.PaymentService;
import dev.payplatform.payments.service.PaymentSummary;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Hosted payments (api-docs 000 "Create Payment", "List Payments", "Get Payment", "List Payments
 * Internal"; 001 the same with Basic auth). Every query is bound to the key's merchant and mode.
 */
@Path("/v1/payments")
@RolesAllowed("merchant")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {
  private final PaymentService payments;
  private final PaymentSummary summaries;
  private final CheckoutTokens tokens;
  private final MerchantContext merchant;
  private final InstantSource clock;
  private final String checkoutUrl;
  private final Duration tokenTtl;
  private final int maxLinkPathLength;

  public PaymentsResource(
      PaymentService payments,
      PaymentSummary summaries,
      CheckoutTokens tokens,
      MerchantContext merchant,
      InstantSource clock,
      PaymentsConfig config,
      PaymentsPublicUrlsConfig urls) {
    this.payments = payments;
    this.summaries = summaries;
    this.tokens = tokens;
    this.merchant = merchant;
    this.clock = clock;
    this.checkoutUrl = urls.checkoutUrl().replaceAll("/+$", "");
    this.tokenTtl = config.checkoutTokenTtl();
    this.maxLinkPathLength = config.checkoutLink().maxPathLength();
  }

  /**
   * Stores the payment pending and answers 202 with the checkout page's URL: {@code
   * {checkout}/checkout/pay/{id}?data={signed token}}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Cancellable(false)
  public Uni<Response> create(@Valid @NotNull CreatePaymentRequest body) {
    Money money = validate(body);
    Instant expiresAt = clock.instant().plus(tokenTtl).truncatedTo(ChronoUnit.SECONDS);
    String merchantId = merchant.merchantId();
    boolean livemode = merchant.livemode();
    String merchantName = merchant.merchantName();
    // Live charges go through the connector of this account (checkout-service, CardProcessors).
    String gatewayAccountId = merchant.gatewayAccountId();
    requireLinkFits(
        new CheckoutClaims(
            "payment",
            PLACEHOLDER_ID,
            PLACEHOLDER_ID,
            merchantId,
            livemode,
            merchantName,
            merchant.gatewayAccountId(),
            money.minorUnits(),
            money.currency().getCurrencyCode(),
            body.description(),
            body.items(),
            body.returnUrl(),
            null,
            expiresAt));
    return payments
        .create(
            new PaymentService.NewPayment(
                merchantId,
                livemode,
                merchantName,
                money,
                body.description(),
                body.items(),
                body.returnUrl(),
                expiresAt))
        // RS256 signing costs ~2 ms of CPU here: off the event loop (docs/decisions/0005).
        .chain(
            p ->
                Uni.createFrom()
                    .item(() -> tokens.sign(claims(p, gatewayAccountId, expiresAt)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .map(token -> redirect(p, token)));
  }

  @GET
  public Uni<Response> list(@BeanParam PaymentListParams params) {
    return page(params, PaymentResponse::of);
  }

  @GET
  @Path("/internal")
  public Uni<Response> internal(@BeanParam PaymentListParams params) {
    return page(params, InternalPaymentResponse::of);
  }

  /**
   * Per UTC day and currency over the last {@code days} (1 to 90, default 30): counts, succeeded
   * volume and refunds, in minor units. The console's home page reads it.
   */
  @GET
  @Path("/summary")
  public Uni<PaymentSummaryResponse> summary(@QueryParam("days") String days) {
    int window = 30;
    if (days != null && !days.isEmpty()) {
      try {
        window = Integer.parseInt(days.strip());
      } catch (NumberFormatException e) {
        window = -1;
      }
      if (window < 1 || window > PaymentSummary.MAX_DAYS) {
        throw new ValidationFailedException(
            FieldError.query(
                "days", "must be a whole number from 1 to " + PaymentSummary.MAX_DAYS));
      }
    }
    int chosen = window;
    return summaries
        .of(merchant.merchantId(), merchant.livemode(), chosen)
        .map(s -> PaymentSummaryResponse.of(s, chosen));
  }

  @GET
  @Path("/{id}")
  public Uni<PaymentResponse> get(@PathParam("id") String id, @QueryParam("test") String test) {
    Boolean testFilter = PaymentListParams.parseTest(test, new ArrayList<>(), true);
    return payments
        .get(id, merchant.merchantId(), merchant.livemode(), testFilter)
        .map(PaymentResponse::of);
  }

  /** A bare JSON array (as the docs define these two lists) plus X-Total-Count. */
  private Uni<Response> page(PaymentListParams params, Function<Payment, ?> view) {
    return payments
        .list(params.filter(merchant.merchantId(), merchant.livemode()))
        .map(
            found ->
                Response.ok(found.payments().stream().map(view).toList())
                    .header("X-Total-Count", found.total())
                    .build());
  }

  /** The checks Bean Validation cannot express: currency, amount precision, the URL's scheme. */
  private static Money validate(CreatePaymentRequest body) {
    List<FieldError> errors = new ArrayList<>();
    Money money = Money.parseBody(body.amount(), body.currency(), errors);
    if (!isAbsoluteHttpUrl(body.returnUrl())) {
      errors.add(
          FieldError.body("return_url", "must be an absolute http or https URL with a host"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    return money;
  }

  static boolean isAbsoluteHttpUrl(String value) {
    if (value == null || value.isBlank() || !value.equals(value.strip())) {
      return false;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null
          && !uri.getHost().isBlank()
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** An id as long as every payment id: the link's length does not depend on which. */
  private static final String PLACEHOLDER_ID = Ids.newId(Ids.PAYMENT);

  /**
   * Refuses, before anything is stored, a payment whose checkout link could not be opened: the
   * description, items and return URL are signed into the link, and a request line longer than the
   * edge accepts would never reach the page.
   */
  private void requireLinkFits(CheckoutClaims claims) {
    int pathLength =
        "/checkout/pay/".length()
            + PLACEHOLDER_ID.length()
            + "?data=".length()
            + tokens.signedLength(claims);
    if (pathLength > maxLinkPathLength) {
      throw new ValidationFailedException(
          new FieldError(
              List.of("body"),
              "description, items and return_url are too long together for a checkout link: it"
                  + " would be "
                  + pathLength
                  + " characters, at most "
                  + maxLinkPathLength
                  + " are allowed; shorten them",
              "value_error.any_str.max_length"));
    }
  }

  private static CheckoutClaims claims(Payment p, String gatewayAccountId, Instant expiresAt) {
    return new CheckoutClaims(
        "payment",
        p.id,
        p.id,
        p.merchantId,
        p.livemode,
        p.merchantName,
        gatewayAccountId,
        p.amount,
        p.currency,
        p.description,
        p.items,
        p.returnUrl,
        null,
        expiresAt);
  }

  private Response redirect(Payment p, String token) {
    // A JWS compact serialisation is base64url segments and dots: URL-safe as it is.
    String url = checkoutUrl + "/checkout/pay/" + p.id + "?data=" + token;
    return Response.status(202)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ActionRequiredResponse.redirect(p.id, url))
        .build();
  }
}
