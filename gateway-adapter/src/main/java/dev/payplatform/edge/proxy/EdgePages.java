package dev.payplatform.edge.proxy;

import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.service.AnonymousLimits;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The edge's own pages, static files served from the classpath: the console ({@code /console/},
 * from the {@code console} module), the API reference ({@code /openapi.yaml} and its page {@code
 * /docs/}) and the libraries they load ({@code /webjars/}). Like every public route they count
 * against the client address's anonymous limit (docs/operations.md, "The public surface").
 */
@ApplicationScoped
public class EdgePages {
  private final AnonymousLimits limits;
  private final List<String> trustedProxies;

  public EdgePages(AnonymousLimits limits, EdgeConfig config) {
    this.limits = limits;
    this.trustedProxies = config.trustedProxies().orElse(List.of());
  }

  void register(@Observes Router router) {
    // Exactly these paths; Vert.x's get("/console") would also match "/console/".
    router.getWithRegex("/console").order(0).handler(rc -> redirect(rc, "/console/"));
    router.getWithRegex("/docs").order(0).handler(rc -> redirect(rc, "/docs/"));
    router
        .getWithRegex("/(console/(?!api/).*|docs/.*|webjars/.*|openapi\\.yaml)")
        .order(0)
        .handler(this::limited);
  }

  private void limited(RoutingContext rc) {
    AnonymousLimits.Decision d = limits.client(ClientAddress.of(rc.request(), trustedProxies));
    if (d.allowed()) {
      rc.next();
      return;
    }
    EdgeResponses.tooManyRequests(rc, d.retryAfterSeconds(), "Too many requests. Retry later.");
  }

  private static void redirect(RoutingContext rc, String to) {
    rc.response().setStatusCode(301).putHeader("Location", to).end();
  }
}
