package dev.payplatform.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.payplatform.commons.web.RouteTable;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Forwarding to a real HTTP server standing in for a service, and a closed port for a dead one. */
class ForwardStepTest {
  private static final RouteTable.Route ROUTE =
      ((RouteTable.Match.Found) RouteTable.load("edge-routes.txt").match("POST", "/v1/customers"))
          .route();
  private static Vertx vertx;
  private static HttpServer service;
  private static Forward forward;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    // The service answers 202 with what it received, its own request id, and a header of its own.
    service =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              JsonObject seen = new JsonObject().put("body", body.toString());
                              req.headers()
                                  .forEach(h -> seen.put(h.getKey().toLowerCase(), h.getValue()));
                              req.response()
                                  .setStatusCode(202)
                                  .putHeader("X-Request-Id", "from-the-service")
                                  .putHeader("X-Service", "yes")
                                  .putHeader("Content-Type", "application/json")
                                  .end(seen.encode());
                            }))
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    var config = StepHarness.config(Map.of());
    // No call here is audited (no principal), so the audit step never writes.
    forward =
        new Forward(
            vertx,
            new ForwardedHeaders(config),
            new BodyLimit(config),
            new Audit(null, config),
            config);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static Consumer<EdgeExchange> toService(String token) {
    return x -> {
      x.routed(ROUTE, StepHarness.replicas("http://127.0.0.1:" + service.actualPort()));
      x.token(token);
    };
  }

  @Test
  void theServiceSeesTheTokenAndTheEdgesViewOfTheClientButNeverTheKeyOrCookie() {
    try (StepHarness step = StepHarness.afterMatch(null, toService("internal-jwt"), forward)) {
      step.request()
          .header("X-Api-Key", "sk_test_secret")
          .cookie("pp_console", "session")
          .header("X-Client-Address", "6.6.6.6")
          .header("X-Forwarded-For", "1.2.3.4")
          .contentType("application/json")
          .body("{\"email\":\"a@b.co\"}")
          .post("/v1/customers")
          .then()
          .statusCode(202)
          .header("X-Service", "yes")
          .header("X-Request-Id", nullValue())
          .body("body", equalTo("{\"email\":\"a@b.co\"}"))
          .body("authorization", equalTo("Bearer internal-jwt"))
          .body("x-api-key", nullValue())
          .body("cookie", nullValue())
          .body("x-client-address", equalTo("127.0.0.1"))
          .body("x-forwarded-for", equalTo("1.2.3.4, 127.0.0.1"));
    }
  }

  @Test
  void aServiceThatCannotBeReachedIs503NamingIt() {
    Consumer<EdgeExchange> dead = x -> x.routed(ROUTE, StepHarness.replicas("http://127.0.0.1:1"));
    try (StepHarness step = StepHarness.afterMatch(null, dead, forward)) {
      step.request()
          .body("{}")
          .post("/v1/customers")
          .then()
          .statusCode(503)
          .header("Retry-After", notNullValue())
          .body("content", containsString("catalog"));
    }
  }

  @Test
  void aDeadReplicaIsSkippedAndEveryRequestReachesTheLiveOne() {
    UpstreamReplicas oneDead =
        StepHarness.replicas("http://127.0.0.1:1,http://127.0.0.1:" + service.actualPort());
    Consumer<EdgeExchange> routed = x -> x.routed(ROUTE, oneDead);
    try (StepHarness step = StepHarness.afterMatch(null, routed, forward)) {
      for (int i = 0; i < 20; i++) {
        // POST included: a refused connection sent nothing, so the next replica may take it.
        step.request().body("{}").post("/v1/customers").then().statusCode(202);
      }
    }
  }

  @Test
  void requestsAreSharedBetweenLiveReplicas() throws Exception {
    HttpServer other =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> req.response().setStatusCode(202).putHeader("X-Service", "other").end("{}"))
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    try {
      UpstreamReplicas two =
          StepHarness.replicas(
              "http://127.0.0.1:"
                  + service.actualPort()
                  + ",http://127.0.0.1:"
                  + other.actualPort());
      Consumer<EdgeExchange> routed = x -> x.routed(ROUTE, two);
      Map<String, Integer> byReplica = new java.util.HashMap<>();
      try (StepHarness step = StepHarness.afterMatch(null, routed, forward)) {
        for (int i = 0; i < 20; i++) {
          String replica =
              step.request()
                  .body("{}")
                  .post("/v1/customers")
                  .then()
                  .statusCode(202)
                  .extract()
                  .header("X-Service");
          byReplica.merge(replica, 1, Integer::sum);
        }
      }
      assertThat(byReplica).containsOnlyKeys("yes", "other");
    } finally {
      other.close();
    }
  }

  @Test
  void anIdempotentRequestsBodyIsSentAndItsAnswerKeptBeforeTheClientGetsIt() {
    Keeper keeper = new Keeper();
    Consumer<EdgeExchange> idempotent =
        toService("t")
            .andThen(
                x ->
                    x.idempotent(
                        new EdgeExchange.IdempotentCall(Buffer.buffer("{\"a\":1}"), keeper)));
    try (StepHarness step = StepHarness.afterMatch(null, idempotent, forward)) {
      step.request()
          .post("/v1/customers")
          .then()
          .statusCode(202)
          .body("body", equalTo("{\"a\":1}"));
    }
    assertThat(keeper.events).containsExactly("keep 202");
  }

  @Test
  void anIdempotentRequestThatNeverReachedTheServiceFreesItsKey() {
    Keeper keeper = new Keeper();
    Consumer<EdgeExchange> idempotent =
        x -> {
          x.routed(ROUTE, StepHarness.replicas("http://127.0.0.1:1"));
          x.idempotent(new EdgeExchange.IdempotentCall(Buffer.buffer("{}"), keeper));
        };
    try (StepHarness step = StepHarness.afterMatch(null, idempotent, forward)) {
      step.request().post("/v1/customers").then().statusCode(503);
    }
    assertThat(keeper.events).containsExactly("forget");
  }

  /** Records what the forward step asked of the idempotency step. */
  private static final class Keeper implements AnswerKeeper {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> forget() {
      events.add("forget");
      return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> keep(int status, MultiMap headers, byte[] body) {
      events.add("keep " + status);
      return Uni.createFrom().voidItem();
    }
  }
}
