package dev.payplatform.commons.web;

import dev.payplatform.commons.errors.ErrorBodies;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The last route of every service: a path nothing else served gets the documented 404 body, not the
 * framework's HTML or plain-text page.
 */
@ApplicationScoped
public class NotFoundRoute {

  void register(@Observes Router router) {
    router
        .route()
        .order(Integer.MAX_VALUE)
        .handler(
            rc -> {
              if (rc.response().headWritten()) {
                return;
              }
              rc.response()
                  .setStatusCode(404)
                  .putHeader("Content-Type", "application/json")
                  .end(
                      Json.encode(
                          new ErrorBodies.Problem(
                              404, "Not found", "The requested resource does not exist.")));
            });
  }
}
