package dev.payplatform.edge.proxy;

import dev.payplatform.edge.config.EdgeConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.net.ConnectException;

/**
 * Step 9: send the request to the owning service with the Vert.x HTTP client and its answer back.
 * Bodies stream through, never buffered whole, except a claimed idempotent request's: its body was
 * read to fingerprint it, and its answer is read whole so the idempotency step can keep it.
 */
@Singleton
class Forward implements Handler<RoutingContext> {
  private final HttpClient client;
  private final ForwardedHeaders headers;
  private final BodyLimit bodyLimit;
  private final long timeoutMillis;

  Forward(Vertx vertx, ForwardedHeaders headers, BodyLimit bodyLimit, EdgeConfig config) {
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
    if (exchange.idempotent() == null) {
      streamed(rc, exchange);
    } else {
      buffered(rc, exchange, exchange.idempotent());
    }
  }

  private void streamed(RoutingContext rc, EdgeExchange exchange) {
    HttpServerRequest request = rc.request();
    String service = exchange.route().service();
    client
        .request(options(request, exchange.upstream()))
        .onFailure(err -> EdgeResponses.upstreamFailure(rc, service, err))
        .onSuccess(
            upstream -> {
              headers.toService(request, upstream, exchange.token());
              Future<HttpClientResponse> sent;
              String length = request.getHeader("Content-Length");
              if (length != null) {
                // Within the limit (checked on arrival); the server stops at the declared length.
                upstream.putHeader("Content-Length", length);
                sent = upstream.send(request);
              } else if (request.getHeader("Transfer-Encoding") != null) {
                // No declared length: count while streaming and stop at the limit.
                upstream.setChunked(true);
                sent = upstream.send(bodyLimit.streamed(rc, upstream::reset));
              } else {
                request.resume();
                sent = upstream.send();
              }
              sent.onFailure(err -> EdgeResponses.upstreamFailure(rc, service, err))
                  .onSuccess(
                      response -> {
                        headers.toClient(response, rc);
                        rc.response().setStatusCode(response.statusCode());
                        rc.response().send(response);
                      });
            });
  }

  private void buffered(
      RoutingContext rc, EdgeExchange exchange, EdgeExchange.IdempotentCall call) {
    HttpServerRequest request = rc.request();
    String service = exchange.route().service();
    client
        .request(options(request, exchange.upstream()))
        .compose(
            upstream -> {
              headers.toService(request, upstream, exchange.token());
              return upstream.send(call.body());
            })
        .compose(response -> response.body().map(body -> new Answer(response, body)))
        .onFailure(
            err -> {
              if (!neverSent(err)) {
                // Sent, but no answer (timeout, connection lost): the outcome is unknown, so the
                // key stays in flight until its lease ends, and a retry meanwhile gets 409.
                EdgeResponses.upstreamFailure(rc, service, err);
                return;
              }
              call.keeper()
                  .forget()
                  .subscribe()
                  .with(
                      ok -> EdgeResponses.upstreamFailure(rc, service, err),
                      f -> EdgeResponses.upstreamFailure(rc, service, err));
            })
        .onSuccess(
            answer ->
                call.keeper()
                    .keep(
                        answer.response().statusCode(),
                        answer.response().headers(),
                        answer.body().getBytes())
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

  private record Answer(HttpClientResponse response, Buffer body) {}

  private RequestOptions options(HttpServerRequest request, String base) {
    return new RequestOptions()
        .setMethod(request.method())
        .setAbsoluteURI(base + request.uri())
        .setIdleTimeout(timeoutMillis);
  }

  /** The service never received the request: the connection could not be opened. */
  private static boolean neverSent(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
