package dev.payplatform.edge.proxy;

import dev.payplatform.commons.errors.ErrorBodies;
import dev.payplatform.commons.errors.ErrorMappers;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** The edge's own answers, in the documented shapes. */
final class EdgeResponses {
  private EdgeResponses() {}

  static void problem(RoutingContext rc, int status, String title, String content) {
    if ((status == 503 || status == 504) && !rc.response().headWritten()) {
      // An upstream or the edge's own database is away for a moment: tell clients when to retry.
      rc.response().putHeader("Retry-After", ErrorMappers.RETRY_AFTER_SECONDS);
    }
    json(rc, status, new ErrorBodies.Problem(status, title, content));
  }

  static void unauthorized(RoutingContext rc, String detail) {
    json(rc, 401, new ErrorBodies.Detail(detail));
  }

  static void json(RoutingContext rc, int status, Object body) {
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    if (!rc.request().isEnded()) {
      // A request paused during the key lookup must flow again, or the answer is never sent. One
      // already read whole (piped to an upstream that then died) cannot be resumed: resuming it
      // throws, and the client would wait for an answer that never comes.
      rc.request().resume();
    }
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Json.encode(body));
  }
}
