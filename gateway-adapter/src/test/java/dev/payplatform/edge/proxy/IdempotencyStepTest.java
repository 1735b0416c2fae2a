package dev.payplatform.edge.proxy;

import static org.hamcrest.Matchers.equalTo;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.web.RouteTable;
import dev.payplatform.edge.EchoUpstreams;
import dev.payplatform.edge.service.KeyPrincipal;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idempotency step with the edge's real idempotency records. */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class IdempotencyStepTest {
  private static final RouteTable.Route ROUTE =
      ((RouteTable.Match.Found) RouteTable.load("edge-routes.txt").match("POST", "/v1/customers"))
          .route();

  @Inject Idempotency idempotency;
  @Inject Vertx vertx;
  private StepHarness step;

  @BeforeEach
  void start() {
    // A merchant of its own per test run: keys never collide with earlier runs' records.
    KeyPrincipal merchant =
        new KeyPrincipal("key_1", "mer_" + UUID.randomUUID(), Mode.TEST, "Shop", null, null, null);
    step =
        StepHarness.afterMatch(
            vertx,
            x -> {
              x.routed(ROUTE, StepHarness.replicas("http://127.0.0.1:1"));
              x.authenticated(merchant, null);
            },
            idempotency);
  }

  @AfterEach
  void stop() {
    step.close();
  }

  @Test
  void theFirstRequestRunsAndItsRetryGetsTheKeptAnswer() {
    step.request()
        .header("Idempotency-Key", "k1")
        .body("{\"email\":\"a@b.co\"}")
        .post("/v1/customers")
        .then()
        .statusCode(201)
        .body("idempotent", equalTo(true))
        .body("body", equalTo("{\"email\":\"a@b.co\"}"));
    step.request()
        .header("Idempotency-Key", "k1")
        .body("{\"email\":\"a@b.co\"}")
        .post("/v1/customers")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("body", equalTo("{\"email\":\"a@b.co\"}"));
  }

  @Test
  void theSameKeyWithAnotherBodyIs409() {
    step.request()
        .header("Idempotency-Key", "k2")
        .body("{}")
        .post("/v1/customers")
        .then()
        .statusCode(201);
    step.request()
        .header("Idempotency-Key", "k2")
        .body("{\"other\":1}")
        .post("/v1/customers")
        .then()
        .statusCode(409)
        .body(
            "content", equalTo("This Idempotency-Key was already used with a different request."));
  }

  @Test
  void aKeyOutsideOneTo255CharactersIs400() {
    step.request()
        .header("Idempotency-Key", "x".repeat(256))
        .body("{}")
        .post("/v1/customers")
        .then()
        .statusCode(400)
        .body("content", equalTo("Idempotency-Key must be 1 to 255 characters."));
  }

  @Test
  void aRequestWithoutAKeyOrNotAPostStreamsThrough() {
    step.request()
        .body("{}")
        .post("/v1/customers")
        .then()
        .statusCode(200)
        .body("idempotent", equalTo(false));
    step.request()
        .header("Idempotency-Key", "k3")
        .get("/v1/customers")
        .then()
        .statusCode(200)
        .body("idempotent", equalTo(false));
  }
}
