package dev.payplatform.edge.proxy;

import dev.payplatform.commons.metrics.UriTemplates;
import dev.payplatform.commons.web.RouteTable;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Step 3: find the route (and so the owning service and its access) in the route table; 404 for a
 * path no route has, 405 for a method its route does not take.
 */
@Singleton
class MatchRoute implements Handler<RoutingContext> {
  private final RouteTable routes;
  private final Map<String, UpstreamReplicas> upstreams;

  MatchRoute(RouteTable routes, Upstreams upstreams) {
    this.routes = routes;
    // Each service the route table names needs edge.upstream.<service>; fail at start, not later.
    this.upstreams =
        routes.routes().stream()
            .map(RouteTable.Route::service)
            .filter(s -> !s.equals(EdgeRouteTable.OWN))
            .distinct()
            .collect(Collectors.toUnmodifiableMap(s -> s, s -> upstreamOf(upstreams, s)));
  }

  private static UpstreamReplicas upstreamOf(Upstreams upstreams, String service) {
    UpstreamReplicas base = upstreams.of(service);
    if (base == null) {
      throw new IllegalStateException("edge.upstream." + service + " is not configured");
    }
    return base;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    // Hold the body until we know where it goes (the key lookup is asynchronous).
    request.pause();
    String path = request.path();
    RouteTable.Match match = routes.match(request.method().name(), path);
    if (match instanceof RouteTable.Match.NotFound) {
      EdgeResponses.problem(rc, 404, "Not found", "The requested resource does not exist.");
      return;
    }
    if (match instanceof RouteTable.Match.WrongMethod) {
      EdgeResponses.problem(
          rc, 405, "Method not allowed", "This method is not allowed on this path.");
      return;
    }
    RouteTable.Route route = ((RouteTable.Match.Found) match).route();
    // One catch-all route serves every path: name the span for the path's template instead, as the
    // services' spans are (never with a raw id).
    String template = UriTemplates.of(path);
    Span.current().updateName(request.method().name() + " " + template);
    Span.current().setAttribute("http.route", template);
    EdgeExchange.of(rc).routed(route, upstreams.get(route.service())); // null for OWN
    rc.next();
  }
}
