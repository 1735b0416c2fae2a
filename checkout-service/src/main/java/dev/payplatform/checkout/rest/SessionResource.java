package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.config.PublicUrls;
import dev.payplatform.checkout.domain.CheckoutSession;
import dev.payplatform.checkout.service.sessions.Payee;
import dev.payplatform.checkout.service.sessions.SessionService;
import dev.payplatform.checkout.service.sessions.SessionService.NewSession;
import dev.payplatform.commons.auth.MerchantContext;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.idempotency.Idempotent;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Checkout sessions (api-docs 000): created by the merchant, read by the buyer's page. */
@Path("/v1/payments/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {
  private final SessionService sessions;
  private final PublicUrls urls;
  private final MerchantContext merchant;
  private final InstantSource clock;

  public SessionResource(
      SessionService sessions, PublicUrls urls, MerchantContext merchant, InstantSource clock) {
    this.sessions = sessions;
    this.urls = urls;
    this.merchant = merchant;
    this.clock = clock;
  }

  /**
   * 201 {session_id, checkout_url}. Subscription mode requires price_id and customer_id. The
   * session keeps the merchant's display name and gateway account from the edge's token.
   */
  @POST
  @RolesAllowed("merchant")
  @ResponseStatus(201)
  @Idempotent
  @Cancellable(false)
  public Uni<CheckoutSessionCreatedResponse> create(@Valid @NotNull CreateSessionRequest body) {
    NewSession session = validate(body);
    MerchantContext m = merchant;
    Payee payee = new Payee(m.merchantId(), m.livemode(), m.merchantName(), m.gatewayAccountId());
    return sessions
        .create(payee, session)
        .map(s -> new CheckoutSessionCreatedResponse(s.id, urls.sessionPage(s.id)));
  }

  /** Public: the session id is the buyer's credential. Safe fields only. */
  @GET
  @Path("/{sessionId}")
  @PermitAll
  public Uni<CheckoutSessionResponse> get(@PathParam("sessionId") String sessionId) {
    return sessions.find(sessionId).map(s -> CheckoutSessionResponse.of(s, Timestamps.now(clock)));
  }

  /** The rules Bean Validation cannot express: money in its currency, subscription fields. */
  static NewSession validate(CreateSessionRequest body) {
    List<FieldError> errors = new ArrayList<>();
    Money amount = Money.parseBody(body.amount(), body.currency(), errors);
    String mode = body.mode() == null ? CheckoutSession.MODE_PAYMENT : body.mode();
    if (CheckoutSession.MODE_SUBSCRIPTION.equals(mode)) {
      if (body.priceId() == null) {
        errors.add(
            new FieldError(
                List.of("body", "price_id"),
                "field required when mode is subscription",
                "value_error.missing"));
      }
      if (body.customerId() == null) {
        errors.add(
            new FieldError(
                List.of("body", "customer_id"),
                "field required when mode is subscription",
                "value_error.missing"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    List<String> items =
        body.items() == null ? List.of() : body.items().stream().map(String::strip).toList();
    String description =
        body.description() == null || body.description().isBlank()
            ? null
            : body.description().strip();
    return new NewSession(
        amount, description, items, mode, body.priceId(), body.customerId(), body.returnUrl());
  }
}
