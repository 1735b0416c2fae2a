package dev.payplatform.edge.proxy;

import dev.payplatform.commons.errors.ErrorBodies;
import dev.payplatform.commons.errors.ErrorMappers;
import dev.payplatform.commons.web.RequestIds;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/** The edge's own answers, in the documented shapes. */
final class EdgeResponses {
  private static final Logger LOG = Logger.getLogger(EdgeResponses.class);

  private EdgeResponses() {}

  static void problem(RoutingContext rc, int status, String title, String content) {
    if ((status == 503 || status == 504) && !rc.response().headWritten()) {
      // An upstream or the edge's own database is away for a moment: tell clients when to retry.
      rc.response().putHeader("Retry-After", ErrorMappers.RETRY_AFTER_SECONDS);
    }
    json(rc, status, new ErrorBodies.Problem(status, title, content));
  }

  /** 429 with when to retry. */
  static void tooManyRequests(RoutingContext rc, long retryAfterSeconds, String content) {
    rc.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
    problem(rc, 429, "Too many requests", content);
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

  /** The edge's own dependency (database, key cache, token signing) failed: 503, retry later. */
  static void dependencyFailure(RoutingContext rc, String what, Throwable failure) {
    LOG.errorf(failure, "edge %s failed for request %s", what, RequestIds.current().orElse("-"));
    problem(rc, 503, "Service unavailable", "The API is briefly unavailable. Please retry.");
  }

  /** The service did not answer: 504 when it ran out of time, 503 when it could not be reached. */
  static void upstreamFailure(RoutingContext rc, String service, Throwable err) {
    if (rc.response().ended()) {
      return; // answered already (a body past the limit: 413, then the upstream call was reset)
    }
    if (isTimeout(err)) {
      LOG.warnf("%s did not answer in time: %s", service, err.getMessage());
      problem(
          rc,
          504,
          "Gateway timeout",
          "The " + service + " service did not answer in time. Please retry.");
    } else {
      LOG.warnf("%s is unavailable: %s", service, err.toString());
      problem(
          rc,
          503,
          "Service unavailable",
          "The " + service + " service is not available right now. Please retry.");
    }
  }

  private static boolean isTimeout(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof io.netty.handler.timeout.TimeoutException
          || t.getClass().getSimpleName().contains("Timeout")) {
        return !(t instanceof ConnectException);
      }
    }
    return false;
  }
}
