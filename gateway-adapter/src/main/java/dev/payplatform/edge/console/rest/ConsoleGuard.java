package dev.payplatform.edge.console.rest;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.ErrorMappers;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.console.service.ConsoleAction;
import dev.payplatform.edge.console.service.ConsoleAudit;
import dev.payplatform.edge.console.service.ConsoleModes;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.console.service.ConsoleSessions;
import dev.payplatform.edge.proxy.ClientAddress;
import dev.payplatform.edge.service.AnonymousLimits;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Who may make a console API call: a live session for every call; its CSRF token and a role that
 * allows it for a change; and the client address's limit for the anonymous ones.
 */
@ApplicationScoped
public class ConsoleGuard {
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String MODE_HEADER = ConsoleModes.HEADER;

  private final ConsoleSessions sessions;
  private final AnonymousLimits anonymousLimits;
  private final ConsoleAudit audit;
  private final List<String> trustedProxies;

  public ConsoleGuard(
      ConsoleSessions sessions,
      AnonymousLimits anonymousLimits,
      ConsoleAudit audit,
      EdgeConfig edge) {
    this.sessions = sessions;
    this.anonymousLimits = anonymousLimits;
    this.audit = audit;
    this.trustedProxies = edge.trustedProxies().orElse(List.of());
  }

  /** The session of this cookie value, at whatever stage of signing in; 401 without one. */
  Uni<ConsoleSession> session(String token) {
    return sessions.authenticate(token).map(s -> s.orElseThrow(ConsoleGuard::signedOut));
  }

  /** A session that has finished signing in; 401 without one, 403 while a step is left. */
  Uni<ConsoleSession> signedIn(String token) {
    return session(token).invoke(ConsoleModes::requireSignedIn);
  }

  /** A state-changing call: a signed-in session, its CSRF token, and a role that may do this. */
  Uni<ConsoleSession> guarded(String token, String csrf, Predicate<ConsoleSession> allowed) {
    return signedIn(token).invoke(s -> checkCsrfAndRole(token, csrf, allowed, s));
  }

  /** A state-changing call of a session at any stage (the code step, an enrolment). */
  Uni<ConsoleSession> guardedAnyStage(String token, String csrf) {
    return session(token).invoke(s -> checkCsrfAndRole(token, csrf, x -> true, s));
  }

  /**
   * Refuses a call on mode-bound data from a tab that shows another mode than the session's (409,
   * with the session's mode in {@code X-Console-Mode}: the page offers a reload).
   */
  static void showing(ConsoleSession s, String shownMode) {
    ConsoleModes.refusal(s, shownMode, false)
        .ifPresent(
            e -> {
              throw new WebApplicationException(
                  Response.fromResponse(ErrorMappers.problem(e))
                      .header(MODE_HEADER, s.mode().claim())
                      .header("Cache-Control", "no-store")
                      .build());
            });
  }

  /**
   * A user's change as the audit log records it, done or refused, before it is answered: {@code
   * .chain(guard.audited(action, request, 204, s -> objectId, s -> change(s)))}.
   */
  <T> Function<ConsoleSession, Uni<? extends T>> audited(
      ConsoleAction action,
      HttpServerRequest request,
      int okStatus,
      Function<ConsoleSession, String> object,
      Function<ConsoleSession, Uni<T>> change) {
    return s ->
        audit.around(s, action, address(request), okStatus, null, object.apply(s), change.apply(s));
  }

  /** The same for a change that makes an object, named from its result. */
  <T> Function<ConsoleSession, Uni<? extends T>> auditedMaking(
      ConsoleAction action,
      HttpServerRequest request,
      int okStatus,
      Function<T, String> objectOf,
      Function<ConsoleSession, Uni<T>> change) {
    return s ->
        audit.around(s, action, address(request), okStatus, objectOf, null, change.apply(s));
  }

  /** The client's address, as the audit log records it. */
  String address(HttpServerRequest request) {
    return ClientAddress.of(request, trustedProxies);
  }

  private static void checkCsrfAndRole(
      String token, String csrf, Predicate<ConsoleSession> allowed, ConsoleSession s) {
    if (!ConsoleSessions.csrfMatches(token, csrf)) {
      throw new ApiException(403, "Forbidden", "Missing or invalid CSRF token.");
    }
    require(allowed.test(s), "Your role (" + s.role().word() + ") cannot do this.");
  }

  /**
   * The anonymous calls (sign-in, sign-up, an invite) count against the client address's limit, as
   * every public route does; past it the answer is 429 and the call is not made.
   */
  <T> Uni<T> withinAddressLimit(HttpServerRequest request, Supplier<Uni<T>> call) {
    AnonymousLimits.Decision d = anonymousLimits.client(ClientAddress.of(request, trustedProxies));
    if (d.allowed()) {
      return call.get();
    }
    Response refused =
        Response.fromResponse(
                ErrorMappers.problem(429, "Too many requests", "Too many requests. Retry later."))
            .header("Retry-After", d.retryAfterSeconds())
            .build();
    return Uni.createFrom().failure(new WebApplicationException(refused));
  }

  static void require(boolean allowed, String why) {
    if (!allowed) {
      throw new ApiException(403, "Forbidden", why);
    }
  }

  static ApiException signedOut() {
    return new ApiException(401, "Unauthorized", "Sign in to the console.");
  }
}
