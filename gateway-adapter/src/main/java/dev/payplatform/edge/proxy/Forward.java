package dev.payplatform.edge.proxy;

import dev.payplatform.edge.config.EdgeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.net.ConnectException;

/**
 * Step 10: send the request to the owning service with the Vert.x HTTP client and its answer back.
 * Bodies stream through, never buffered whole, except a claimed idempotent request's (its body was
 * read to fingerprint it) and the answers of idempotent and audited calls, read whole so that the
 * idempotency step can keep them and the audit log can name the object made. A route the edge
 * serves itself goes on to its own resource.
 */
@Singleton
class Forward implements Handler<RoutingContext> {
  private final HttpClient client;
  private final ForwardedHeaders headers;
  private final BodyLimit bodyLimit;
  private final long timeoutMillis;
  private final Audit audits;

  Forward(
      Vertx vertx, ForwardedHeaders headers, BodyLimit bodyLimit, Audit audits, EdgeConfig config) {
    this.audits = audits;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(2_000)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setMaxPoolSize(200)
                .setDecompressionSupported(false));
    this.headers = headers;
    this.bodyLimit = bodyLimit;
    this.timeoutMillis = config.upstreamTimeout().toMillis();
  }

  @Override
  public void handle(RoutingContext rc) {
    EdgeExchange exchange = EdgeExchange.of(rc);
    if (exchange.route().service().equals(EdgeRouteTable.OWN)) {
      // A route the edge serves itself (the audit log): on to its resource, caller known.
      rc.request().resume();
      rc.next();
    } else if (exchange.idempotent() == null && exchange.audit() == null) {
      streamed(rc, exchange);
    } else {
      answeredWhole(rc, exchange);
    }
  }

  private void streamed(RoutingContext rc, EdgeExchange exchange) {
    String service = exchange.route().service();
    exchange
        .upstream()
        .open(base -> client.request(options(rc.request(), base)))
        .onFailure(err -> EdgeResponses.upstreamFailure(rc, service, err))
        .onSuccess(
            upstream ->
                send(rc, exchange, upstream)
                    .onFailure(err -> EdgeResponses.upstreamFailure(rc, service, err))
                    .onSuccess(
                        response -> {
                          headers.toClient(response, rc);
                          rc.response().setStatusCode(response.statusCode());
                          rc.response().send(response);
                        }));
  }

  /** The request as it came: its declared length, chunked and counted, or no body. */
  private Future<HttpClientResponse> send(
      RoutingContext rc, EdgeExchange exchange, HttpClientRequest upstream) {
    HttpServerRequest request = rc.request();
    headers.toService(request, upstream, exchange.token());
    String length = request.getHeader("Content-Length");
    if (length != null) {
      // Within the limit (checked on arrival); the server stops at the declared length.
      upstream.putHeader("Content-Length", length);
      return upstream.send(request);
    }
    if (request.getHeader("Transfer-Encoding") != null) {
      // No declared length: count while streaming and stop at the limit.
      upstream.setChunked(true);
      return upstream.send(bodyLimit.streamed(rc, upstream::reset));
    }
    request.resume();
    return upstream.send();
  }

  /**
   * A call whose answer is needed whole before the caller gets it: an idempotent request's (kept
   * for its retries) and an audited one's (its object's id for the audit log).
   */
  private void answeredWhole(RoutingContext rc, EdgeExchange exchange) {
    EdgeExchange.IdempotentCall call = exchange.idempotent();
    String service = exchange.route().service();
    exchange
        .upstream()
        .open(base -> client.request(options(rc.request(), base)))
        .compose(
            upstream -> {
              if (call == null) {
                return send(rc, exchange, upstream);
              }
              headers.toService(rc.request(), upstream, exchange.token());
              return upstream.send(call.body());
            })
        .compose(response -> response.body().map(body -> new Answer(response, body)))
        .onFailure(err -> noAnswer(rc, exchange, err))
        .onSuccess(
            answer ->
                audits
                    .answered(exchange.audit(), answer.response().statusCode(), answer.body())
                    .chain(() -> keep(call, answer))
                    .subscribe()
                    .with(
                        ok -> {
                          headers.toClient(answer.response(), rc);
                          rc.response()
                              .setStatusCode(answer.response().statusCode())
                              .end(answer.body());
                        },
                        failure ->
                            EdgeResponses.dependencyFailure(rc, "idempotency store", failure)));
  }

  private static Uni<Void> keep(EdgeExchange.IdempotentCall call, Answer answer) {
    if (call == null) {
      return Uni.createFrom().voidItem();
    }
    return call.keeper()
        .keep(
            answer.response().statusCode(), answer.response().headers(), answer.body().getBytes());
  }

  /** The service gave no answer: the caller gets 503 or 504, and so does the audit log. */
  private void noAnswer(RoutingContext rc, EdgeExchange exchange, Throwable err) {
    String service = exchange.route().service();
    EdgeExchange.IdempotentCall call = exchange.idempotent();
    Uni<Void> forgotten = Uni.createFrom().voidItem();
    if (call != null && neverSent(err)) {
      forgotten = call.keeper().forget().onFailure().recoverWithNull().replaceWithVoid();
    }
    // Sent, but no answer (timeout, connection lost): the outcome is unknown, so an idempotent
    // key stays in flight until its lease ends, and a retry meanwhile gets 409.
    forgotten
        .subscribe()
        .with(
            ok -> {
              EdgeResponses.upstreamFailure(rc, service, err);
              audits
                  .answered(exchange.audit(), rc.response().getStatusCode(), null)
                  .subscribe()
                  .with(v -> {});
            });
  }

  private record Answer(HttpClientResponse response, Buffer body) {}

  private RequestOptions options(HttpServerRequest request, String base) {
    return new RequestOptions()
        .setMethod(request.method())
        .setAbsoluteURI(base + request.uri())
        .setIdleTimeout(timeoutMillis);
  }

  /** The service never received the request: the connection could not be opened. */
  static boolean neverSent(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
