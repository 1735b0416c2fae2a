package dev.payplatform.edge.proxy;

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

  /** The console's one question: who is this session? */
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
              exchange.authenticated(session.get().principal(), session.get());
              rc.next();
            },
            failure -> EdgeResponses.dependencyFailure(rc, "session lookup", failure));
  }
}
