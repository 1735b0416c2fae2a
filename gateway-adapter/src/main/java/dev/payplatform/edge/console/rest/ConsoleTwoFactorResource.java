package dev.payplatform.edge.console.rest;

import dev.payplatform.edge.console.domain.SessionStage;
import dev.payplatform.edge.console.service.ConsoleAction;
import dev.payplatform.edge.console.service.ConsoleModes;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.console.service.ConsoleSessions;
import dev.payplatform.edge.console.service.ConsoleSignIn;
import dev.payplatform.edge.console.service.TwoFactorEnrolment;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The console's Security page: a user's own two-factor sign-in (docs/console.md, "Two-factor
 * sign-in"). Enrolment is open to a signed-in session and to one that must enrol before going on.
 */
@Path("/console/api/two_factor")
public class ConsoleTwoFactorResource {
  private final ConsoleGuard guard;
  private final TwoFactorEnrolment enrolment;

  public ConsoleTwoFactorResource(ConsoleGuard guard, TwoFactorEnrolment enrolment) {
    this.guard = guard;
    this.enrolment = enrolment;
  }

  @GET
  public Uni<Response> status(@CookieParam(ConsoleSessions.COOKIE) String token) {
    return enrolling(guard.session(token))
        .chain(enrolment::status)
        .map(
            st ->
                ConsoleAnswers.ok(
                    new TwoFactorStatusResponse(
                        st.enabled(),
                        st.enrolledAt() == null ? null : st.enrolledAt().toString(),
                        st.recoveryCodesLeft(),
                        st.requiredByTeam())));
  }

  /** A new secret and its QR code; confirmed by one code from the app. */
  @POST
  @Path("/enrolment")
  public Uni<Response> begin(
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf) {
    return enrolling(guard.guardedAnyStage(token, csrf))
        .chain(enrolment::begin)
        .map(
            e ->
                ConsoleAnswers.ok(
                    new TwoFactorEnrolmentResponse(e.secret(), e.otpauthUri(), e.qrDataUrl())));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/enrolment/confirm")
  public Uni<Response> confirm(
      CodeRequest body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    String code = body == null ? null : body.code();
    return enrolling(guard.guardedAnyStage(token, csrf))
        .chain(
            guard.audited(
                ConsoleAction.TWO_FACTOR_ENABLE,
                request,
                200,
                ConsoleSession::userId,
                s -> enrolment.confirm(token, s, code)))
        .map(codes -> ConsoleAnswers.ok(new RecoveryCodesResponse(codes)));
  }

  /** Removes the user's authenticator; needs a current code from it. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/removal")
  public Uni<Response> remove(
      CodeRequest body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(ConsoleGuard.CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    String code = body == null ? null : body.code();
    return guard
        .guarded(token, csrf, s -> true)
        .chain(
            guard.audited(
                ConsoleAction.TWO_FACTOR_DISABLE,
                request,
                204,
                ConsoleSession::userId,
                s -> enrolment.remove(s, code)))
        .map(v -> ConsoleAnswers.noContent())
        .onFailure(ConsoleSignIn.Locked.class)
        .recoverWithItem(ConsoleSessionResource::locked);
  }

  /** A signed-in session, or one whose only way on is to enrol; not one owing its code. */
  private static Uni<ConsoleSession> enrolling(Uni<ConsoleSession> session) {
    return session.invoke(
        s -> {
          if (s.stage() != SessionStage.ENROL_TWO_FACTOR) {
            ConsoleModes.requireSignedIn(s);
          }
        });
  }
}
