package dev.payplatform.edge.proxy;

import dev.payplatform.commons.web.LogContext;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.console.service.ConsoleSessions;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Step 5: what the caller may do. A key may do anything its merchant may. A console session's
 * state-changing request must carry the session's CSRF token, and the user's role must allow
 * changes (docs/console.md). Then the services get the same internal JWT a key would give.
 */
@Singleton
class Authorize implements Handler<RoutingContext> {
  static final String CSRF_HEADER = "X-CSRF-Token";

  @Override
  public void handle(RoutingContext rc) {
    EdgeExchange exchange = EdgeExchange.of(rc);
    ConsoleSession session = exchange.session();
    HttpMethod method = rc.request().method();
    if (session != null && method != HttpMethod.GET && method != HttpMethod.HEAD) {
      String token = rc.request().getCookie(ConsoleSessions.COOKIE).getValue();
      if (!ConsoleSessions.csrfMatches(token, rc.request().getHeader(CSRF_HEADER))) {
        EdgeResponses.problem(rc, 403, "Forbidden", "Missing or invalid CSRF token.");
        return;
      }
      if (!session.role().canWrite()) {
        EdgeResponses.problem(
            rc, 403, "Forbidden", "Your role (" + session.role().word() + ") can only read.");
        return;
      }
    }
    if (exchange.principal() != null) {
      LogContext.merchant(exchange.principal().merchantId(), exchange.principal().mode().claim());
    }
    rc.next();
  }
}
