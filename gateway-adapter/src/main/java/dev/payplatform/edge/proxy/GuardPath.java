package dev.payplatform.edge.proxy;

import dev.payplatform.commons.web.RouteTable;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Step 1: take the proxied paths ({@code /v1/**}, {@code /checkout/**}, {@code /link/**}) into the
 * pipeline and refuse any spelling of them a service could read differently ({@link PathGuard}),
 * and a body declared larger than the limit. Every other path goes on to the edge's own routes.
 */
@ApplicationScoped
class GuardPath implements Handler<RoutingContext> {
  private final BodyLimit bodyLimit;

  GuardPath(BodyLimit bodyLimit) {
    this.bodyLimit = bodyLimit;
  }

  @Override
  public void handle(RoutingContext rc) {
    // The raw path, never Vert.x's normalised one: /checkout/%2e%2e/q/metrics is refused here.
    String path = rc.request().path();
    if (!RouteTable.isProxied(path)) {
      rc.next();
      return;
    }
    EdgeExchange.begin(rc);
    Optional<String> refused = PathGuard.refusal(path);
    if (refused.isPresent()) {
      EdgeResponses.problem(rc, 400, "Invalid path", refused.get());
      return;
    }
    if (bodyLimit.declaredTooLarge(rc.request())) {
      bodyLimit.tooLarge(rc);
      return;
    }
    rc.next();
  }
}
