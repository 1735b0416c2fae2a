package dev.payplatform.edge.proxy;

import static org.hamcrest.Matchers.equalTo;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.console.domain.SessionStage;
import dev.payplatform.edge.console.service.ConsoleSession;
import dev.payplatform.edge.console.service.ConsoleSessions;
import dev.payplatform.edge.service.KeyPrincipal;
import org.junit.jupiter.api.Test;

class AuthorizeStepTest {
  private static final String TOKEN = "session-token-for-the-test";

  private static ConsoleSession session(ConsoleRole role) {
    return new ConsoleSession(
        "cs_1",
        "usr_1",
        "a@b.c",
        role,
        "mer_1",
        "Shop",
        null,
        null,
        null,
        Mode.TEST,
        "csrf",
        SessionStage.SIGNED_IN,
        false);
  }

  private static StepHarness withSession(ConsoleRole role) {
    ConsoleSession s = session(role);
    return StepHarness.after(x -> x.authenticated(s.principal(), s), new Authorize());
  }

  @Test
  void aSessionsChangeWithoutItsCsrfTokenIs403() {
    try (StepHarness step = withSession(ConsoleRole.OWNER)) {
      step.request()
          .cookie(ConsoleSessions.COOKIE, TOKEN)
          .post("/v1/products")
          .then()
          .statusCode(403)
          .body("content", equalTo("Missing or invalid CSRF token."));
      step.request()
          .cookie(ConsoleSessions.COOKIE, TOKEN)
          .header("X-CSRF-Token", "not-it")
          .post("/v1/products")
          .then()
          .statusCode(403);
      step.request()
          .cookie(ConsoleSessions.COOKIE, TOKEN)
          .header("X-CSRF-Token", ConsoleSessions.csrfFor(TOKEN))
          .post("/v1/products")
          .then()
          .statusCode(200)
          .body("merchant", equalTo("mer_1"));
    }
  }

  @Test
  void aViewerReadsButCannotChange() {
    try (StepHarness step = withSession(ConsoleRole.VIEWER)) {
      step.request()
          .cookie(ConsoleSessions.COOKIE, TOKEN)
          .get("/v1/products")
          .then()
          .statusCode(200);
      step.request()
          .cookie(ConsoleSessions.COOKIE, TOKEN)
          .header("X-CSRF-Token", ConsoleSessions.csrfFor(TOKEN))
          .post("/v1/products")
          .then()
          .statusCode(403)
          .body("content", equalTo("Your role (viewer) can only read."));
    }
  }

  @Test
  void aKeyNeedsNoCsrfToken() {
    KeyPrincipal key = new KeyPrincipal("key_1", "mer_1", Mode.TEST, "Shop", null, null, null);
    try (StepHarness step = StepHarness.after(x -> x.authenticated(key, null), new Authorize())) {
      step.request().post("/v1/products").then().statusCode(200).body("session", equalTo(false));
    }
  }
}
