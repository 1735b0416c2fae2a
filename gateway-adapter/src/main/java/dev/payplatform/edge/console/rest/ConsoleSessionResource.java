package dev.payplatform.edge.console.rest;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.ErrorMappers;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.edge.console.service.ConsoleAction;
import dev.payplatform.edge.console.service.ConsoleAudit;
import dev.payplatform.edge.console.service.ConsoleInvites;
import dev.payplatform.edge.console.service.ConsoleSessions;
import dev.payplatform.edge.console.service.ConsoleSignIn;
import dev.payplatform.edge.console.service.ConsoleSignUp;
import dev.payplatform.edge.console.service.TwoFactorSignIn;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * The console's own API (docs/console.md), its session part: sign-in, sign-up by invite, the
 * current session, sign-out and the mode toggle. Everything else the console shows comes from the
 * public {@code /v1/**} API, which accepts the same session cookie. Every answer is {@code
 * no-store}; every state-changing call but sign-in and sign-up needs the session's CSRF token.
 * Bodies must be JSON: a cross-site form cannot send that without a CORS preflight, which the edge
 * never grants, so sign-in cannot be forged from another site either.
 */
@Path("/console/api")
public class ConsoleSessionResource {
  private final ConsoleGuard guard;
  private final ConsoleSessions sessions;
  private final ConsoleSignIn signIn;
  private final ConsoleSignUp signUp;
  private final ConsoleInvites invites;
  private final TwoFactorSignIn twoFactor;
  private final ConsoleAudit audit;

  public ConsoleSessionResource(
      ConsoleGuard guard,
      ConsoleSessions sessions,
      ConsoleSignIn signIn,
      ConsoleSignUp signUp,
      ConsoleInvites invites,
      TwoFactorSignIn twoFactor,
      ConsoleAudit audit) {
    this.guard = guard;
    this.twoFactor = twoFactor;
    this.audit = audit;
    this.sessions = sessions;
    this.signIn = signIn;
    this.signUp = signUp;
    this.invites = invites;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/session")
  public Uni<Response> signIn(SignInRequest body, @Context HttpServerRequest request) {
    SignInRequest b = body == null ? new SignInRequest(null, null) : body;
    return guard
        .withinAddressLimit(
            request, () -> signIn.signIn(b.email(), b.password(), guard.address(request)))
        .map(started -> ConsoleAnswers.started(started, request))
        .onFailure(ConsoleSignIn.Locked.class)
        .recoverWithItem(ConsoleSessionResource::locked);
  }

  /** The code step: a code from the authenticator app, or a recovery code. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/session/two_factor")
  public Uni<Response> secondFactor(
      CodeRequest body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    String code = body == null ? null : body.code();
    return guard
        .guardedAnyStage(token, csrf)
        .chain(s -> twoFactor.verify(token, s, code, guard.address(request)))
        .map(s -> ConsoleAnswers.ok(ConsoleSessionResponse.of(s)))
        .onFailure(ConsoleSignIn.Locked.class)
        .recoverWithItem(ConsoleSessionResource::locked);
  }

  /** The session at whatever stage it is: the page routes by it. */
  @GET
  @Path("/session")
  public Uni<Response> current(@CookieParam(ConsoleSessions.COOKIE) String token) {
    return guard.session(token).map(s -> ConsoleAnswers.ok(ConsoleSessionResponse.of(s)));
  }

  @DELETE
  @Path("/session")
  public Uni<Response> signOut(
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    return guard
        .guardedAnyStage(token, csrf)
        .call(
            s ->
                audit.record(
                    s.merchantId(),
                    s.userId(),
                    s.email(),
                    ConsoleAction.SIGN_OUT,
                    null,
                    s.sessionId(),
                    204,
                    guard.address(request)))
        .chain(s -> sessions.end(token))
        .map(
            v ->
                Response.noContent()
                    .cookie(ConsoleAnswers.expiredCookie(request))
                    .header("Cache-Control", "no-store")
                    .build());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/session/mode")
  public Uni<Response> switchMode(
      SwitchModeRequest body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf) {
    String word = body == null || body.mode() == null ? "" : body.mode().strip();
    Mode mode =
        switch (word.toLowerCase(Locale.ROOT)) {
          case "test" -> Mode.TEST;
          case "live" -> Mode.LIVE;
          default ->
              throw new ValidationFailedException(FieldError.body("mode", "must be test or live"));
        };
    return guard
        .guarded(token, csrf, s -> true)
        .chain(s -> sessions.switchMode(token, mode))
        .map(
            s ->
                ConsoleAnswers.ok(
                    ConsoleSessionResponse.of(s.orElseThrow(ConsoleGuard::signedOut))));
  }

  static Response locked(Throwable f) {
    return Response.fromResponse(ErrorMappers.problem((ApiException) f))
        .header("Retry-After", ((ConsoleSignIn.Locked) f).retryAfterSeconds())
        .header("Cache-Control", "no-store")
        .build();
  }

  /** An open invite, for the sign-up page: who is invited, as what, to which merchant. */
  @GET
  @Path("/invites/{token}")
  public Uni<Response> inviteInfo(
      @PathParam("token") String inviteToken, @Context HttpServerRequest request) {
    return guard
        .withinAddressLimit(request, () -> invites.info(inviteToken))
        .map(
            i ->
                ConsoleAnswers.ok(
                    new SignUpInviteResponse(
                        i.email(),
                        i.role().word(),
                        new ConsoleMerchantResponse(null, i.merchantName(), null))));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/signup")
  public Uni<Response> signUp(SignUpRequest body, @Context HttpServerRequest request) {
    SignUpRequest b = body == null ? new SignUpRequest(null, null) : body;
    return guard
        .withinAddressLimit(request, () -> signUp.signUp(b.token(), b.password()))
        .call(
            started ->
                audit.record(
                    started.session().merchantId(),
                    started.session().userId(),
                    started.session().email(),
                    ConsoleAction.SIGN_UP,
                    null,
                    started.session().userId(),
                    200,
                    guard.address(request)))
        .map(started -> ConsoleAnswers.started(started, request));
  }
}
