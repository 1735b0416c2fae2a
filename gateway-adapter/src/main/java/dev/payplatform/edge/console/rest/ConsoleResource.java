package dev.payplatform.edge.console.rest;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.ErrorMappers;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.console.service.ConsoleSessions;
import dev.payplatform.edge.console.service.ConsoleUsers;
import dev.payplatform.edge.domain.ApiKey;
import dev.payplatform.edge.proxy.ClientAddress;
import dev.payplatform.edge.rest.AdminDtos;
import dev.payplatform.edge.service.AnonymousLimits;
import dev.payplatform.edge.service.MerchantService;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's own API, owned by the edge as merchants and keys are: sign-in and sessions, the
 * mode toggle, API keys and the team (docs/console.md). Everything else the console shows comes
 * from the public {@code /v1/**} API, which accepts the same session cookie. Every answer is {@code
 * no-store}; every state-changing call but sign-in and sign-up needs the session's CSRF token.
 * Bodies must be JSON: a cross-site form cannot send that without a CORS preflight, which the edge
 * never grants, so sign-in cannot be forged from another site either.
 */
@Path("/console/api")
public class ConsoleResource {
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final ConsoleSessions sessions;
  private final ConsoleUsers users;
  private final MerchantService merchants;
  private final AnonymousLimits anonymousLimits;
  private final List<String> trustedProxies;
  private final InstantSource clock;

  public ConsoleResource(
      ConsoleSessions sessions,
      ConsoleUsers users,
      MerchantService merchants,
      AnonymousLimits anonymousLimits,
      InstantSource clock,
      @ConfigProperty(name = "edge.trusted-proxies") Optional<List<String>> trustedProxies) {
    this.sessions = sessions;
    this.users = users;
    this.merchants = merchants;
    this.anonymousLimits = anonymousLimits;
    this.clock = clock;
    this.trustedProxies = trustedProxies.orElse(List.of());
  }

  // ------------------------------------------------------------------ session

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/session")
  public Uni<Response> signIn(ConsoleDtos.SignIn body, @Context HttpServerRequest request) {
    ConsoleDtos.SignIn b = body == null ? new ConsoleDtos.SignIn(null, null) : body;
    return withinAddressLimit(request, () -> users.signIn(b.email(), b.password()))
        .map(started -> startedAnswer(started, request))
        .onFailure(ConsoleUsers.Locked.class)
        .recoverWithItem(
            f ->
                Response.fromResponse(ErrorMappers.problem((ApiException) f))
                    .header("Retry-After", ((ConsoleUsers.Locked) f).retryAfterSeconds())
                    .header("Cache-Control", "no-store")
                    .build());
  }

  @GET
  @Path("/session")
  public Uni<Response> current(@CookieParam(ConsoleSessions.COOKIE) String token) {
    return signedIn(token).map(s -> ok(view(s)));
  }

  @DELETE
  @Path("/session")
  public Uni<Response> signOut(
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    return guarded(token, csrf, s -> true)
        .chain(s -> sessions.end(token))
        .map(
            v ->
                Response.noContent()
                    .cookie(expiredCookie(request))
                    .header("Cache-Control", "no-store")
                    .build());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/session/mode")
  public Uni<Response> switchMode(
      ConsoleDtos.SwitchMode body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(CSRF_HEADER) String csrf) {
    String word = body == null || body.mode() == null ? "" : body.mode().strip();
    Mode mode =
        switch (word.toLowerCase(Locale.ROOT)) {
          case "test" -> Mode.TEST;
          case "live" -> Mode.LIVE;
          default ->
              throw new ValidationFailedException(FieldError.body("mode", "must be test or live"));
        };
    return guarded(token, csrf, s -> true)
        .chain(s -> sessions.switchMode(token, mode))
        .map(s -> ok(view(s.orElseThrow(ConsoleResource::signedOut))));
  }

  // ------------------------------------------------------------------ API keys

  @GET
  @Path("/keys")
  public Uni<Response> keys(@CookieParam(ConsoleSessions.COOKIE) String token) {
    return signedIn(token)
        .invoke(s -> require(s.role().canWrite(), "Your role cannot see API keys."))
        .chain(
            s ->
                merchants
                    .keys(s.merchantId())
                    .map(
                        keys ->
                            ok(
                                new ConsoleDtos.Keys(
                                    keys.stream()
                                        .filter(k -> k.livemode == s.mode().livemode())
                                        .map(k -> AdminDtos.KeyView.of(k, clock.instant()))
                                        .toList()))));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/keys/{keyId}/roll")
  public Uni<Response> roll(
      @PathParam("keyId") String keyId,
      ConsoleDtos.Roll body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(CSRF_HEADER) String csrf) {
    Integer grace = body == null ? null : body.gracePeriodHours();
    if (grace != null && (grace < 0 || grace > 168)) {
      throw new ValidationFailedException(
          FieldError.body("grace_period_hours", "must be between 0 and 168 (7 days)"));
    }
    return keyOfThisMode(token, csrf, keyId)
        .chain(s -> merchants.roll(s.merchantId(), keyId, grace))
        .call(r -> merchants.forgetCached(r.previous()))
        .map(
            r ->
                Response.status(201)
                    .header("Cache-Control", "no-store")
                    .entity(
                        new AdminDtos.RolledKey(
                            AdminDtos.KeyView.of(r.key(), clock.instant()),
                            r.secret(),
                            AdminDtos.KeyView.of(r.previous(), clock.instant())))
                    .build());
  }

  @POST
  @Path("/keys/{keyId}/revoke")
  public Uni<Response> revoke(
      @PathParam("keyId") String keyId,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(CSRF_HEADER) String csrf) {
    return keyOfThisMode(token, csrf, keyId)
        .chain(s -> merchants.revoke(s.merchantId(), keyId))
        .call(merchants::forgetCached)
        .map(k -> ok(AdminDtos.KeyView.of(k, clock.instant())));
  }

  /** An owner's session, and the key is one of its merchant's keys in the session's mode. */
  private Uni<ConsoleSession> keyOfThisMode(String token, String csrf, String keyId) {
    return guarded(token, csrf, s -> s.role().canManageKeys())
        .call(
            s ->
                merchants
                    .keys(s.merchantId())
                    .invoke(
                        keys -> {
                          boolean found =
                              keys.stream()
                                  .anyMatch(
                                      (ApiKey k) ->
                                          k.id.equals(keyId) && k.livemode == s.mode().livemode());
                          if (!found) {
                            throw ApiException.notFound("Not found", "No such API key.");
                          }
                        }));
  }

  // ------------------------------------------------------------------ team

  @GET
  @Path("/team")
  public Uni<Response> team(@CookieParam(ConsoleSessions.COOKIE) String token) {
    return signedIn(token)
        .chain(
            s ->
                users
                    .team(s.merchantId())
                    .chain(
                        members ->
                            users
                                .pendingInvites(s.merchantId())
                                .map(
                                    invites ->
                                        ok(
                                            new ConsoleDtos.Team(
                                                members.stream()
                                                    .map(
                                                        u ->
                                                            new ConsoleDtos.Member(
                                                                u.id(),
                                                                u.email(),
                                                                u.role().word(),
                                                                u.created(),
                                                                u.id().equals(s.userId())))
                                                    .toList(),
                                                invites.stream()
                                                    .map(
                                                        i ->
                                                            new ConsoleDtos.PendingInvite(
                                                                i.id(),
                                                                i.email(),
                                                                i.role().word(),
                                                                i.expiresAt()))
                                                    .toList())))));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/team/invites")
  public Uni<Response> invite(
      ConsoleDtos.Invite body,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(CSRF_HEADER) String csrf,
      @Context HttpServerRequest request) {
    ConsoleDtos.Invite b = body == null ? new ConsoleDtos.Invite(null, null) : body;
    return guarded(token, csrf, s -> s.role().canManageTeam())
        .chain(s -> users.invite(s, b.email(), b.role()))
        .map(
            i ->
                Response.status(201)
                    .header("Cache-Control", "no-store")
                    .entity(
                        new ConsoleDtos.CreatedInvite(
                            i.id(),
                            i.email(),
                            i.role().word(),
                            i.expiresAt(),
                            origin(request) + "/console/#/signup?token=" + i.token()))
                    .build());
  }

  @DELETE
  @Path("/team/{userId}")
  public Uni<Response> remove(
      @PathParam("userId") String userId,
      @CookieParam(ConsoleSessions.COOKIE) String token,
      @HeaderParam(CSRF_HEADER) String csrf) {
    return guarded(token, csrf, s -> s.role().canManageTeam())
        .chain(s -> users.remove(s, userId))
        .map(v -> Response.noContent().header("Cache-Control", "no-store").build());
  }

  @GET
  @Path("/invites/{token}")
  public Uni<Response> inviteInfo(
      @PathParam("token") String inviteToken, @Context HttpServerRequest request) {
    return withinAddressLimit(request, () -> users.inviteInfo(inviteToken))
        .map(
            i ->
                ok(
                    new ConsoleDtos.InviteView(
                        i.email(),
                        i.role().word(),
                        new ConsoleDtos.MerchantView(null, i.merchantName(), null))));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/signup")
  public Uni<Response> signUp(ConsoleDtos.SignUp body, @Context HttpServerRequest request) {
    ConsoleDtos.SignUp b = body == null ? new ConsoleDtos.SignUp(null, null) : body;
    return withinAddressLimit(request, () -> users.signUp(b.token(), b.password()))
        .map(started -> startedAnswer(started, request));
  }

  // ------------------------------------------------------------------ helpers

  private Uni<ConsoleSession> signedIn(String token) {
    return sessions.authenticate(token).map(s -> s.orElseThrow(ConsoleResource::signedOut));
  }

  /** A state-changing call: a live session, its CSRF token, and a role that may do this. */
  private Uni<ConsoleSession> guarded(
      String token, String csrf, java.util.function.Predicate<ConsoleSession> allowed) {
    return signedIn(token)
        .invoke(
            s -> {
              if (!ConsoleSessions.csrfMatches(token, csrf)) {
                throw new ApiException(403, "Forbidden", "Missing or invalid CSRF token.");
              }
              require(allowed.test(s), "Your role (" + s.role().word() + ") cannot do this.");
            });
  }

  private static void require(boolean allowed, String why) {
    if (!allowed) {
      throw new ApiException(403, "Forbidden", why);
    }
  }

  private static ApiException signedOut() {
    return new ApiException(401, "Unauthorized", "Sign in to the console.");
  }

  /**
   * The anonymous calls (sign-in, sign-up, an invite) count against the client address's limit, as
   * every public route does; past it the answer is 429 and the call is not made.
   */
  private <T> Uni<T> withinAddressLimit(HttpServerRequest request, Supplier<Uni<T>> call) {
    AnonymousLimits.Decision d = anonymousLimits.client(ClientAddress.of(request, trustedProxies));
    if (d.allowed()) {
      return call.get();
    }
    Response refused =
        Response.fromResponse(
                ErrorMappers.problem(429, "Too many requests", "Too many requests. Retry later."))
            .header("Retry-After", d.retryAfterSeconds())
            .build();
    return Uni.createFrom().failure(new jakarta.ws.rs.WebApplicationException(refused));
  }

  private Response startedAnswer(ConsoleSessions.Started started, HttpServerRequest request) {
    return Response.ok(view(started.session()))
        .cookie(cookie(started.token(), started.lifetime(), request))
        .header("Cache-Control", "no-store")
        .build();
  }

  private static Response ok(Object entity) {
    return Response.ok(entity).header("Cache-Control", "no-store").build();
  }

  static ConsoleDtos.SessionView view(ConsoleSession s) {
    return new ConsoleDtos.SessionView(
        new ConsoleDtos.UserView(s.userId(), s.email(), s.role().word()),
        new ConsoleDtos.MerchantView(s.merchantId(), s.merchantName(), s.gatewayAccountId()),
        s.mode().claim(),
        s.csrfToken(),
        new ConsoleDtos.Permissions(
            s.role().canWrite(), s.role().canManageKeys(), s.role().canManageTeam()));
  }

  /** HttpOnly, SameSite=Strict, and Secure everywhere but a loopback address (local http). */
  private static NewCookie cookie(String value, Duration lifetime, HttpServerRequest request) {
    return new NewCookie.Builder(ConsoleSessions.COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(!isLoopback(request))
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge((int) lifetime.toSeconds())
        .build();
  }

  private static NewCookie expiredCookie(HttpServerRequest request) {
    return new NewCookie.Builder(ConsoleSessions.COOKIE)
        .value("")
        .path("/")
        .httpOnly(true)
        .secure(!isLoopback(request))
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(0)
        .build();
  }

  static boolean isLoopback(HttpServerRequest request) {
    String host = request.authority() == null ? "" : request.authority().host();
    return host.equals("localhost")
        || host.equals("127.0.0.1")
        || host.equals("::1")
        || host.equals("[::1]");
  }

  private static String origin(HttpServerRequest request) {
    String proto = request.getHeader("X-Forwarded-Proto");
    String scheme = proto != null ? proto.strip() : request.scheme();
    return scheme + "://" + request.authority();
  }
}
