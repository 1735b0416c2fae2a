package dev.payplatform.edge.proxy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.payplatform.commons.web.RouteTable;
import dev.payplatform.edge.EchoUpstreams;
import dev.payplatform.edge.EdgeFixtures;
import dev.payplatform.edge.console.service.ConsoleSessions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authentication step with the edge's real key store and session store. */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class AuthenticateStepTest {
  private static final RouteTable ROUTES = RouteTable.load("edge-routes.txt");

  @Inject Authenticate authenticate;
  @Inject Vertx vertx;
  private StepHarness keyRoute;
  private StepHarness publicRoute;

  private static Consumer<EdgeExchange> routedTo(String method, String path) {
    var route = ((RouteTable.Match.Found) ROUTES.match(method, path)).route();
    return x -> x.routed(route, StepHarness.replicas("http://127.0.0.1:1"));
  }

  @BeforeEach
  void start() {
    keyRoute = StepHarness.afterMatch(vertx, routedTo("GET", "/v1/products"), authenticate);
    publicRoute = StepHarness.afterMatch(vertx, routedTo("GET", "/checkout/cs_1"), authenticate);
  }

  @AfterEach
  void stop() {
    keyRoute.close();
    publicRoute.close();
  }

  @Test
  void aValidSecretKeyNamesItsMerchant() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    keyRoute
        .request()
        .header("Authorization", "Bearer " + m.testKey())
        .get("/v1/products")
        .then()
        .statusCode(200)
        .body("merchant", equalTo(m.id()))
        .body("session", equalTo(false));
  }

  @Test
  void aMissingMalformedOrUnknownKeyIs401() {
    keyRoute
        .request()
        .get("/v1/products")
        .then()
        .statusCode(401)
        .body("detail", equalTo("Invalid API key format."));
    keyRoute
        .request()
        .header("Authorization", "Bearer sk_nonsense")
        .get("/v1/products")
        .then()
        .statusCode(401)
        .body("detail", equalTo("Invalid API key format."));
    keyRoute
        .request()
        .header("Authorization", "Bearer sk_test_" + "0".repeat(40))
        .get("/v1/products")
        .then()
        .statusCode(401)
        .body("detail", equalTo("Invalid API key."));
  }

  @Test
  void aSessionCookieTheConsoleDoesNotKnowIs401() {
    keyRoute
        .request()
        .cookie(ConsoleSessions.COOKIE, "no-such-session")
        .get("/v1/products")
        .then()
        .statusCode(401)
        .body("detail", equalTo("Console session expired or invalid."));
  }

  @Test
  void aPublicRouteGoesOnWithNobodyAuthenticated() {
    publicRoute
        .request()
        .get("/checkout/cs_1")
        .then()
        .statusCode(200)
        .body("merchant", nullValue());
  }
}
