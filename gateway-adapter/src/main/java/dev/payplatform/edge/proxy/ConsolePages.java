package dev.payplatform.edge.proxy;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The console's pages are static files from the {@code console} module (served from its jar's
 * {@code META-INF/resources/console/}); {@code /console} without the slash leads there.
 */
@ApplicationScoped
public class ConsolePages {
  void register(@Observes Router router) {
    router
        .getWithRegex("/console") // exactly; Vert.x would also match "/console/" with get()
        .order(0)
        .handler(rc -> rc.response().setStatusCode(301).putHeader("Location", "/console/").end());
  }
}
