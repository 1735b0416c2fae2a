package dev.payplatform.edge.proxy;

import dev.payplatform.edge.config.EdgeConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The most a request body may hold ({@code edge.max-body-size}), enforced on the declared length,
 * while streaming, and while reading a body whole. Past it the answer is 413 and the connection
 * closes, so the rest of the body is never read.
 */
@ApplicationScoped
class BodyLimit {
  private final long maxBody;

  BodyLimit(EdgeConfig config) {
    this.maxBody = config.maxBodySize().asLongValue();
  }

  /** Whether the request's {@code Content-Length} already says it is too large. */
  boolean declaredTooLarge(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    try {
      return length != null && Long.parseLong(length.strip()) > maxBody;
    } catch (NumberFormatException e) {
      return false; // the HTTP server refuses a malformed length itself
    }
  }

  /** The body as it streams, stopped at the limit ({@code onTooLarge} runs after the 413). */
  ReadStream<Buffer> streamed(RoutingContext rc, Runnable onTooLarge) {
    return new BoundedBody(
        rc.request(),
        maxBody,
        () -> {
          tooLarge(rc); // answer first: the caller's reset fails the upstream call
          onTooLarge.run();
        });
  }

  /** The body, read whole but never past the limit; past it, 413 and a {@link TooLarge} failure. */
  Future<Buffer> readWhole(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    Promise<Buffer> done = Promise.promise();
    Buffer body = Buffer.buffer();
    request.handler(
        chunk -> {
          if (done.future().isComplete()) {
            return;
          }
          if (body.length() + (long) chunk.length() > maxBody) {
            done.tryFail(new TooLarge());
            tooLarge(rc);
            return;
          }
          body.appendBuffer(chunk);
        });
    request.exceptionHandler(done::tryFail);
    request.endHandler(v -> done.tryComplete(body));
    request.resume();
    return done.future();
  }

  /** 413, then the connection is closed so the rest of the body is never read. */
  void tooLarge(RoutingContext rc) {
    if (rc.response().ended() || rc.response().headWritten()) {
      rc.request().connection().close();
      return;
    }
    rc.response().putHeader("Connection", "close");
    rc.response().endHandler(v -> rc.request().connection().close());
    EdgeResponses.problem(
        rc,
        413,
        "Payload too large",
        "The request body is larger than " + maxBody + " bytes, the most this API accepts.");
  }

  /** A body that passed the limit (already answered 413). */
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }
}
