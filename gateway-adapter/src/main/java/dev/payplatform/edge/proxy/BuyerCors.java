package dev.payplatform.edge.proxy;

import dev.payplatform.commons.web.RouteTable;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Step 2, CORS for the public API calls a buyer's browser makes from a merchant's own page (the
 * session, intent, confirm and subscription calls, authorised by a client secret in the body, never
 * by cookies): any origin may call them, without credentials, and preflights are cached. Routes
 * that take a secret key never get a CORS header, so a browser can never be made to use one.
 */
@Singleton
class BuyerCors implements Handler<RoutingContext> {
  static final String ALLOWED_HEADERS = "Content-Type, Idempotency-Key, X-Request-Id";
  static final String MAX_AGE_SECONDS = "600";

  private final RouteTable routes;

  BuyerCors(RouteTable routes) {
    this.routes = routes;
  }

  @Override
  public void handle(RoutingContext rc) {
    String path = rc.request().path();
    if (isPreflight(rc)) {
      String wanted = rc.request().getHeader("Access-Control-Request-Method").strip();
      if (appliesTo(wanted, path)) {
        answerPreflight(rc, wanted);
        return;
      }
    } else if (appliesTo(rc.request().method().name(), path)) {
      onAnswers(rc);
    }
    rc.next(); // a preflight for any other route meets the route table's 404 or 405
  }

  /** Whether this method and path are a call a buyer's browser may make cross-origin. */
  private boolean appliesTo(String method, String path) {
    return routes.match(method, path) instanceof RouteTable.Match.Found found
        && !found.route().requiresKey()
        && path.startsWith("/v1/");
  }

  /** A CORS preflight: OPTIONS with an Origin and the method the browser wants to send. */
  private static boolean isPreflight(RoutingContext rc) {
    return rc.request().method() == HttpMethod.OPTIONS
        && rc.request().getHeader("Origin") != null
        && rc.request().getHeader("Access-Control-Request-Method") != null;
  }

  private static void answerPreflight(RoutingContext rc, String method) {
    rc.response()
        .setStatusCode(204)
        .putHeader("Access-Control-Allow-Origin", "*")
        .putHeader("Access-Control-Allow-Methods", method)
        .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
        .putHeader("Access-Control-Max-Age", MAX_AGE_SECONDS)
        .end();
  }

  /** Every answer on such a route, the edge's own errors included, is readable cross-origin. */
  private static void onAnswers(RoutingContext rc) {
    if (rc.request().getHeader("Origin") == null) {
      return;
    }
    rc.addHeadersEndHandler(
        v -> {
          MultiMap headers = rc.response().headers();
          headers.set("Access-Control-Allow-Origin", "*");
          headers.set("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
        });
  }
}
