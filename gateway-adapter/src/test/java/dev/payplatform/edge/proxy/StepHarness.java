package dev.payplatform.edge.proxy;

import dev.payplatform.edge.config.EdgeConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import io.smallrye.stork.Stork;
import io.smallrye.stork.integration.DefaultStorkInfrastructure;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One pipeline step on a real Vert.x HTTP server, between a handler that prepares the request's
 * {@link EdgeExchange} (what earlier steps would have learnt) and one that answers 200 with what
 * the step passed on. A request the step answers itself never reaches the second.
 */
final class StepHarness implements AutoCloseable {
  private final Vertx vertx;
  private final boolean ownsVertx;
  private final HttpServer server;

  private StepHarness(Vertx vertx, boolean ownsVertx, HttpServer server) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.server = server;
  }

  /** The step alone: the request reaches it as the pipeline's first step sees it. */
  static StepHarness first(Handler<RoutingContext> step) {
    return start(Vertx.vertx(), true, null, step, false);
  }

  /** The step after earlier steps whose findings {@code preset} writes into the exchange. */
  static StepHarness after(Consumer<EdgeExchange> preset, Handler<RoutingContext> step) {
    return start(Vertx.vertx(), true, preset, step, false);
  }

  /**
   * A step after the route was matched, which holds the body back until a step reads or streams it,
   * on the application's own Vert.x (for steps built by Quarkus) or a new one (null).
   */
  static StepHarness afterMatch(
      Vertx vertx, Consumer<EdgeExchange> preset, Handler<RoutingContext> step) {
    return vertx == null
        ? start(Vertx.vertx(), true, preset, step, true)
        : start(vertx, false, preset, step, true);
  }

  private static StepHarness start(
      Vertx vertx,
      boolean owns,
      Consumer<EdgeExchange> preset,
      Handler<RoutingContext> step,
      boolean paused) {
    Router router = Router.router(vertx);
    var route = router.route();
    if (preset != null) {
      route.handler(
          rc -> {
            if (paused) {
              rc.request().pause();
            }
            preset.accept(EdgeExchange.begin(rc));
            if (owns) {
              rc.next();
              return;
            }
            // As Quarkus's own HTTP server does for a request: a duplicated context marked safe,
            // which Hibernate Reactive (the console's session store) requires.
            Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(request, true);
            request.runOnContext(v -> rc.next());
          });
    }
    route.handler(step).handler(StepHarness::passed);
    try {
      HttpServer server =
          vertx
              .createHttpServer()
              .requestHandler(router)
              .listen(0)
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      return new StepHarness(vertx, owns, server);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What reached the end: whether it was the pipeline's, and what the exchange held. */
  private static void passed(RoutingContext rc) {
    EdgeExchange exchange = EdgeExchange.of(rc);
    JsonObject seen = new JsonObject().put("passed", true).put("proxied", exchange != null);
    if (exchange != null) {
      seen.put("service", exchange.route() == null ? null : exchange.route().service())
          .put("upstream", exchange.upstream() == null ? null : exchange.upstream().toString())
          .put("merchant", exchange.principal() == null ? null : exchange.principal().merchantId())
          .put("session", exchange.session() != null)
          .put("token", exchange.token())
          .put("idempotent", exchange.idempotent() != null);
    }
    if (exchange != null && exchange.idempotent() != null) {
      // Stand in for the service: the answer the keeper stores for replay.
      byte[] answer =
          seen.put("body", exchange.idempotent().body().toString()).toBuffer().getBytes();
      var headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
      headers.add("Content-Type", "application/json");
      exchange
          .idempotent()
          .keeper()
          .keep(201, headers, answer)
          .subscribe()
          .with(
              ok ->
                  rc.response()
                      .setStatusCode(201)
                      .putHeader("Content-Type", "application/json")
                      .end(io.vertx.core.buffer.Buffer.buffer(answer)),
              rc::fail);
      return;
    }
    rc.response().putHeader("Content-Type", "application/json").end(seen.encode());
  }

  RequestSpecification request() {
    return RestAssured.given().baseUri("http://127.0.0.1").port(server.actualPort());
  }

  int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    server.close();
    if (ownsVertx) {
      vertx.close();
    }
  }

  private static final Stork STORK = new Stork(new DefaultStorkInfrastructure());
  private static final AtomicInteger REPLICA_SETS = new AtomicInteger();

  /** A service's replicas at these base URLs (comma separated), as the edge defines them. */
  static UpstreamReplicas replicas(String baseUrls) {
    return UpstreamReplicas.define(
        STORK, "catalog", "test-" + REPLICA_SETS.incrementAndGet(), baseUrls);
  }

  /** The edge's settings as the application reads them, with these overrides. */
  static EdgeConfig config(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    for (String service : new String[] {"checkout", "payments", "catalog", "billing", "events"}) {
      values.put("edge.upstream." + service, "http://127.0.0.1:1");
    }
    values.put("edge.jwt.signing-key", "testing/internal-jwt-private.pem");
    values.put("edge.admin-token", "test-admin-token");
    values.putAll(overrides);
    return exactly(values);
  }

  /** The edge's settings from exactly these values (and the mapping's defaults). */
  static EdgeConfig exactly(Map<String, String> values) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(EdgeConfig.class)
            // Quarkus's own spellings: "30s", "24h", "1M".
            .withConverter(Duration.class, 200, new DurationConverter())
            .withConverter(MemorySize.class, 200, new MemorySizeConverter())
            .withSources(new MapBackedConfigSource("test", values) {})
            .build();
    return config.getConfigMapping(EdgeConfig.class);
  }
}
