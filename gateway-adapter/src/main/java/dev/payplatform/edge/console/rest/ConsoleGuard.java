package dev.payplatform.edge.console.rest;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.ErrorMappers;
import dev.payplatform.edge.config.EdgeConfig;
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
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Who may make a console API call: a live session for every call; its CSRF token and a role that
 * allows it for a change; and the client address's limit for the anonymous ones.
 */
@ApplicationScoped
public class ConsoleGuard {
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final ConsoleSessions sessions;
  private final AnonymousLimits anonymousLimits;
  private final List<String> trustedProxies;

  // At merge: EdgeConfig (the lead's) instead of its stand-in; the method is the same.
  public ConsoleGuard(ConsoleSessions sessions, AnonymousLimits anonymousLimits, EdgeConfig edge) {
    this.sessions = sessions;
    this.anonymousLimits = anonymousLimits;
    this.trustedProxies = edge.trustedProxies().orElse(List.of());
  }

  /** The session of this cookie value; 401 without one. */
  Uni<ConsoleSession> signedIn(String token) {
    return sessions.authenticate(token).map(s -> s.orElseThrow(ConsoleGuard::signedOut));
  }

  /** A state-changing call: a live session, its CSRF token, and a role that may do this. */
  Uni<ConsoleSession> guarded(String token, String csrf, Predicate<ConsoleSession> allowed) {
    return signedIn(token)
        .invoke(
            s -> {
              if (!ConsoleSessions.csrfMatches(token, csrf)) {
                throw new ApiException(403, "Forbidden", "Missing or invalid CSRF token.");
              }
              require(allowed.test(s), "Your role (" + s.role().word() + ") cannot do this.");
            });
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
