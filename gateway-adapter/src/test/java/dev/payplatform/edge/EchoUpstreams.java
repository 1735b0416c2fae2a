package dev.payplatform.edge;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small Vert.x servers standing in for the four owning services (the services themselves are other
 * issues): each answers with what it received, so tests see exactly what the edge forwarded. {@code
 * ?status=N} answers N; {@code ?delay=ms} answers late; {@code ?nostore=1} marks the answer {@code
 * Cache-Control: no-store} (an answer that carries a secret).
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {
  static final Map<String, Integer> PORTS =
      Map.of(
          "checkout",
          18991,
          "payments",
          18992,
          "catalog",
          18993,
          "billing",
          18994,
          "events",
          18995);
  static final Map<String, AtomicInteger> CALLS_BY_IDEMPOTENCY_KEY = new ConcurrentHashMap<>();
  private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
  private static Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    PORTS.keySet().forEach(EchoUpstreams::startService);
    return Map.of();
  }

  static void startService(String service) {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              String key = req.getHeader("Idempotency-Key");
                              if (key != null) {
                                CALLS_BY_IDEMPOTENCY_KEY
                                    .computeIfAbsent(key, k -> new AtomicInteger())
                                    .incrementAndGet();
                              }
                              JsonObject headers = new JsonObject();
                              req.headers()
                                  .forEach(
                                      h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                              JsonObject echo =
                                  new JsonObject()
                                      .put("service", service)
                                      .put("method", req.method().name())
                                      .put("uri", req.uri())
                                      .put("headers", headers)
                                      .put("body", body.toString());
                              int status =
                                  req.getParam("status") == null
                                      ? 200
                                      : Integer.parseInt(req.getParam("status"));
                              long delay =
                                  req.getParam("delay") == null
                                      ? 0
                                      : Long.parseLong(req.getParam("delay"));
                              if (req.getParam("nostore") != null) {
                                req.response().putHeader("Cache-Control", "no-store");
                              }
                              Runnable answer =
                                  () ->
                                      req.response()
                                          .setStatusCode(status)
                                          .putHeader("Content-Type", "application/json")
                                          .putHeader("X-Upstream", service)
                                          .end(echo.encode());
                              if (delay > 0) {
                                vertx.setTimer(delay, t -> answer.run());
                              } else {
                                answer.run();
                              }
                            }));
    try {
      server
          .listen(PORTS.get(service), "127.0.0.1")
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the " + service + " stand-in", e);
    }
    SERVERS.put(service, server);
  }

  static void stopService(String service) {
    HttpServer server = SERVERS.remove(service);
    if (server != null) {
      try {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close();
    }
  }
}
