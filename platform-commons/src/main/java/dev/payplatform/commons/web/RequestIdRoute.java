package dev.payplatform.commons.web;

import io.quarkus.vertx.web.RouteFilter;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

/** Gives every request an id (the caller's, sanitised, or a new one) and echoes it back. */
@ApplicationScoped
public class RequestIdRoute {

  @RouteFilter(1000)
  void assignRequestId(RoutingContext rc) {
    String id = RequestIds.sanitizeOrGenerate(rc.request().getHeader(RequestIds.HEADER));
    rc.request().headers().set(RequestIds.HEADER, id);
    rc.response().putHeader(RequestIds.HEADER, id);
    ContextLocals.put(RequestIds.LOCAL_KEY, id);
    MDC.put(RequestIds.MDC_KEY, id);
    rc.next();
  }
}
