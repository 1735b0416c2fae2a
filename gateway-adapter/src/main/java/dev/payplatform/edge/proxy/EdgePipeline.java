package dev.payplatform.edge.proxy;

import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The edge's request path (docs/architecture.md, "Request path"), step by step. Each step is a
 * Vert.x handler with one job: it answers the request itself (an error, a replay, the service's
 * answer) or passes it on with {@code rc.next()}. What a step learns for the ones after it is kept
 * in the request's {@link EdgeExchange}.
 */
@Singleton
public class EdgePipeline {
  private final GuardPath guardPath;
  private final List<Handler<RoutingContext>> steps;

  EdgePipeline(
      GuardPath guardPath,
      BuyerCors buyerCors,
      MatchRoute matchRoute,
      Authenticate authenticate,
      Authorize authorize,
      Limit limit,
      SignToken signToken,
      Idempotency idempotency,
      Audit audit,
      Forward forward) {
    this.guardPath = guardPath;
    this.steps =
        List.of(
            buyerCors, // 2. answer CORS preflights, and mark buyer routes' answers
            matchRoute, // 3. find the owning service: 404, 405
            authenticate, // 4. by secret key or console session: 401
            authorize, // 5. a session's CSRF token and role: 403
            limit, // 6. per merchant, or per client address and payment link: 429
            signToken, // 7. the internal JWT
            idempotency, // 8. claim, replay or 409
            audit, // 9. name a key's or session's change for the audit log
            forward); // 10. streamed; or read whole for an idempotent or audited call
  }

  void register(@Observes Router router) {
    Route route = router.route().order(1);
    route.handler(guardPath); // 1. take proxied paths in; refuse odd spellings (400), 413
    for (Handler<RoutingContext> step : steps) {
      route.handler(onlyProxied(step));
    }
  }

  /** Any other request (the console's API, health, the edge's pages) goes on to its own route. */
  private static Handler<RoutingContext> onlyProxied(Handler<RoutingContext> step) {
    return rc -> {
      if (EdgeExchange.of(rc) == null) {
        rc.next();
      } else {
        step.handle(rc);
      }
    };
  }
}
