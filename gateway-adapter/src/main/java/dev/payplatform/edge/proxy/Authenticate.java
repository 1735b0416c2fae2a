package dev.payplatform.edge.proxy;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.edge.console.service.ConsoleModes;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.console.service.ConsoleSessions;
import dev.payplatform.edge.service.KeyAuthenticator;
import dev.payplatform.edge.service.SecretKeys;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Step 4: on a route that needs a key, learn whom the caller acts for: from the secret key, or,
 * when no key is presented, from the console's session cookie (docs/console.md). 401 when neither
 * holds. A public route needs neither: it is bound by a session id, client secret or signed token
 * the owning service checks.
 */
@Singleton
class Authenticate implements Handler<RoutingContext> {
  private final KeyAuthenticator keys;
  private final ConsoleSessions sessions;

  Authenticate(KeyAuthenticator keys, ConsoleSessions sessions) {
    this.keys = keys;
    this.sessions = sessions;
  }

  @Override
  public void handle(RoutingContext rc) {
    EdgeExchange exchange = EdgeExchange.of(rc);
    if (!exchange.route().requiresKey()) {
      rc.next();
      return;
    }
    Optional<String> presented = ApiKeyParser.presentedKey(rc.request());
    if (presented.isEmpty()) {
      Cookie session = rc.request().getCookie(ConsoleSessions.COOKIE);
      if (session != null) {
        bySession(rc, exchange, session.getValue());
        return;
      }
    }
    if (presented.isEmpty() || SecretKeys.modeOf(presented.get()).isEmpty()) {
      EdgeResponses.unauthorized(rc, "Invalid API key format.");
      return;
    }
    keys.authenticate(presented.get())
        .subscribe()
        .with(
            principal -> {
              if (principal.isEmpty()) {
                EdgeResponses.unauthorized(rc, "Invalid API key.");
                return;
              }
              exchange.authenticated(principal.get(), null);
              rc.next();
            },
            failure -> EdgeResponses.dependencyFailure(rc, "key lookup", failure));
  }

  private static Optional<ApiException> notSignedIn(ConsoleSession s) {
    try {
      ConsoleModes.requireSignedIn(s);
      return Optional.empty();
    } catch (ApiException e) {
      return Optional.of(e);
    }
  }

  /**
   * The console's one question: who is this session? It must have finished signing in, and the tab
   * that sent the request must show the session's mode.
   */
  private void bySession(RoutingContext rc, EdgeExchange exchange, String token) {
    sessions
        .authenticate(token)
        .subscribe()
        .with(
            session -> {
              if (session.isEmpty()) {
                EdgeResponses.unauthorized(rc, "Console session expired or invalid.");
                return;
              }
              ConsoleSession s = session.get();
              Optional<ApiException> refused =
                  notSignedIn(s)
                      .or(
                          () ->
                              ConsoleModes.refusal(
                                  s, rc.request().getHeader(ConsoleModes.HEADER), true));
              if (refused.isPresent()) {
                // The page turns a mode refusal into "this tab shows test data; reload".
                rc.response().putHeader(ConsoleModes.HEADER, s.mode().claim());
                ApiException e = refused.get();
                EdgeResponses.problem(rc, e.status(), e.title(), e.content());
                return;
              }
              exchange.authenticated(s.principal(), s);
              rc.next();
            },
            failure -> EdgeResponses.dependencyFailure(rc, "session lookup", failure));
  }
}
