package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * The console's session on the edge: sign-in, the cookie instead of a secret key on {@code /v1/**},
 * CSRF, roles, the mode toggle, sign-out, lockout, keys and the team.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class ConsoleSessionTest {
  private static final String PASSWORD = "correct horse battery staple";

  record Signed(String cookie, String csrf, JsonPath session) {}

  private static String newOwner(EdgeFixtures.TestMerchant m) {
    String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .contentType("application/json")
        .body(Map.of("email", email, "role", "owner", "password", PASSWORD))
        .post("/admin/merchants/" + m.id() + "/users")
        .then()
        .statusCode(201)
        .header("Cache-Control", "no-store")
        .body("role", is("owner"))
        .body("password", is(PASSWORD));
    return email;
  }

  private static Signed signIn(String email, String password) {
    Response r =
        given()
            .contentType("application/json")
            .body(Map.of("email", email, "password", password))
            .post("/console/api/session");
    r.then().statusCode(200);
    return new Signed(
        r.getCookie("pp_console"), r.jsonPath().getString("csrf_token"), r.jsonPath());
  }

  @Test
  void signInSetsAStrictHttpOnlyCookieThatActsForTheMerchantOnV1() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String email = newOwner(m);
    Response r =
        given()
            .contentType("application/json")
            .body(Map.of("email", email.toUpperCase(), "password", PASSWORD))
            .post("/console/api/session");
    r.then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("merchant.id", is(m.id()))
        .body("user.role", is("owner"))
        .body("mode", is("test"))
        .body("roles.can_manage_keys", is(true));
    String setCookie = r.getHeader("Set-Cookie");
    assertThat(setCookie)
        .contains("pp_console=")
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict");
    // Local http on a loopback address: Secure would make the browser drop it.
    assertThat(setCookie).doesNotContainIgnoringCase("Secure;");

    JsonPath echo =
        given()
            .cookie("pp_console", r.getCookie("pp_console"))
            .header("X-Console-Mode", "test")
            .get("/v1/customers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JwtClaims claims = EdgeFixtures.verifiedClaims(echo.getString("headers.authorization"));
    assertThat(claims.getSubject()).isEqualTo(m.id());
    assertThat(claims.getStringClaimValue("mode")).isEqualTo("test");
    assertThat(claims.getStringClaimValue("key_id")).startsWith("cse_");
    // The session cookie never leaves the edge.
    assertThat(echo.getString("headers.cookie")).isNull();
  }

  @Test
  void aStateChangingRequestNeedsTheSessionsCsrfToken() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    Signed s = signIn(newOwner(m), PASSWORD);
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .contentType("application/json")
        .body("{}")
        .post("/v1/refunds")
        .then()
        .statusCode(403)
        .body("content", is("Missing or invalid CSRF token."));
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .header("X-CSRF-Token", "forged-" + s.csrf())
        .contentType("application/json")
        .body("{}")
        .post("/v1/refunds")
        .then()
        .statusCode(403);
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .header("X-CSRF-Token", s.csrf())
        .contentType("application/json")
        .body("{}")
        .post("/v1/refunds")
        .then()
        .statusCode(200)
        .body("service", is("billing"))
        .body("headers.x-csrf-token", org.hamcrest.Matchers.nullValue());
    // The console's own calls too.
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .contentType("application/json")
        .body(Map.of("mode", "live"))
        .put("/console/api/session/mode")
        .then()
        .statusCode(403);
  }

  @Test
  void signInTakesOnlyJsonSoAnotherSiteCannotPostAFormToIt() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String email = newOwner(m);
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("email", email)
        .formParam("password", PASSWORD)
        .post("/console/api/session")
        .then()
        .statusCode(415);
    given()
        .contentType("text/plain")
        .body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
        .post("/console/api/session")
        .then()
        .statusCode(415);
    // Longer than bcrypt reads: simply wrong, never a 500.
    given()
        .contentType("application/json")
        .body(Map.of("email", email, "password", "x".repeat(200)))
        .post("/console/api/session")
        .then()
        .statusCode(401);
  }

  @Test
  void theModeToggleSwitchesWhichDataTheServicesServe() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    Signed s = signIn(newOwner(m), PASSWORD);
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .header("X-CSRF-Token", s.csrf())
        .contentType("application/json")
        .body(Map.of("mode", "live"))
        .put("/console/api/session/mode")
        .then()
        .statusCode(200)
        .body("mode", is("live"));
    JsonPath echo =
        given()
            .cookie("pp_console", s.cookie())
            .header("X-Console-Mode", "live")
            .get("/v1/payments")
            .then()
            .extract()
            .jsonPath();
    JwtClaims claims = EdgeFixtures.verifiedClaims(echo.getString("headers.authorization"));
    assertThat(claims.getStringClaimValue("mode")).isEqualTo("live");
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "live")
        .get("/console/api/keys")
        .then()
        .statusCode(200)
        .body("data.mode", org.hamcrest.Matchers.everyItem(is("live")))
        .body("data.size()", is(1));
  }

  @Test
  void signingOutKillsTheSessionEverywhere() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    Signed s = signIn(newOwner(m), PASSWORD);
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .get("/v1/customers")
        .then()
        .statusCode(200);
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .header("X-CSRF-Token", s.csrf())
        .delete("/console/api/session")
        .then()
        .statusCode(204)
        .header("Set-Cookie", containsString("Max-Age=0"));
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .get("/v1/customers")
        .then()
        .statusCode(401);
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .get("/console/api/session")
        .then()
        .statusCode(401);
  }

  @Test
  void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String email = newOwner(m);
    for (int i = 0; i < 5; i++) {
      given()
          .contentType("application/json")
          .body(Map.of("email", email, "password", "wrong password " + i))
          .post("/console/api/session")
          .then()
          .statusCode(401)
          .body("content", is("Wrong email or password."));
    }
    given()
        .contentType("application/json")
        .body(Map.of("email", email, "password", PASSWORD))
        .post("/console/api/session")
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue());
    // An address with no account answers the same way, so sign-in does not reveal accounts.
    String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
    for (int i = 0; i < 5; i++) {
      given()
          .contentType("application/json")
          .body(Map.of("email", nobody, "password", "guess " + i))
          .post("/console/api/session")
          .then()
          .statusCode(401)
          .body("content", is("Wrong email or password."));
    }
    given()
        .contentType("application/json")
        .body(Map.of("email", nobody, "password", "guess"))
        .post("/console/api/session")
        .then()
        .statusCode(429);
  }

  @Test
  void aViewerReadsButCannotChangeAnythingAndOnlyOwnersManageKeysAndTeam() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    Signed owner = signIn(newOwner(m), PASSWORD);
    String viewerEmail = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    JsonPath invite =
        given()
            .cookie("pp_console", owner.cookie())
            .header("X-Console-Mode", "test")
            .header("X-CSRF-Token", owner.csrf())
            .contentType("application/json")
            .body(Map.of("email", viewerEmail, "role", "viewer"))
            .post("/console/api/team/invites")
            .then()
            .statusCode(201)
            .header("Cache-Control", "no-store")
            .extract()
            .jsonPath();
    String token = invite.getString("signup_url").replaceFirst(".*token=", "");
    given()
        .get("/console/api/invites/" + token)
        .then()
        .statusCode(200)
        .body("email", is(viewerEmail))
        .body("role", is("viewer"));
    Response signup =
        given()
            .contentType("application/json")
            .body(Map.of("token", token, "password", "viewer password 123"))
            .post("/console/api/signup");
    signup.then().statusCode(200).body("user.role", is("viewer"));
    // The link works once.
    given()
        .contentType("application/json")
        .body(Map.of("token", token, "password", "viewer password 123"))
        .post("/console/api/signup")
        .then()
        .statusCode(404);
    String cookie = signup.getCookie("pp_console");
    String csrf = signup.jsonPath().getString("csrf_token");

    given()
        .cookie("pp_console", cookie)
        .header("X-Console-Mode", "test")
        .get("/v1/payments")
        .then()
        .statusCode(200);
    given()
        .cookie("pp_console", cookie)
        .header("X-Console-Mode", "test")
        .header("X-CSRF-Token", csrf)
        .contentType("application/json")
        .body("{}")
        .post("/v1/refunds")
        .then()
        .statusCode(403)
        .body("content", is("Your role (viewer) can only read."));
    given()
        .cookie("pp_console", cookie)
        .header("X-Console-Mode", "test")
        .get("/console/api/keys")
        .then()
        .statusCode(403);
    given()
        .cookie("pp_console", cookie)
        .header("X-Console-Mode", "test")
        .header("X-CSRF-Token", csrf)
        .contentType("application/json")
        .body(Map.of("email", "x@example.com", "role", "owner"))
        .post("/console/api/team/invites")
        .then()
        .statusCode(403);

    // The owner removes the viewer: the viewer's session dies at once.
    String viewerId =
        given()
            .cookie("pp_console", owner.cookie())
            .header("X-Console-Mode", "test")
            .get("/console/api/team")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("data.find { it.email == '" + viewerEmail + "' }.id");
    given()
        .cookie("pp_console", owner.cookie())
        .header("X-Console-Mode", "test")
        .header("X-CSRF-Token", owner.csrf())
        .delete("/console/api/team/" + viewerId)
        .then()
        .statusCode(204);
    given()
        .cookie("pp_console", cookie)
        .header("X-Console-Mode", "test")
        .get("/v1/payments")
        .then()
        .statusCode(401);
  }

  @Test
  void anOwnerRollsAKeyWithNoGraceAndCannotTouchAnotherMerchantsKeys() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    EdgeFixtures.TestMerchant other = EdgeFixtures.merchant();
    Signed s = signIn(newOwner(m), PASSWORD);
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .get("/console/api/keys")
        .then()
        .statusCode(200)
        .body("data.size()", is(1))
        .body("data[0].id", is(m.testKeyId()))
        .body("data[0].last4", is(m.testKey().substring(m.testKey().length() - 4)));
    given()
        .cookie("pp_console", s.cookie())
        .header("X-Console-Mode", "test")
        .header("X-CSRF-Token", s.csrf())
        .contentType("application/json")
        .body(Map.of("grace_period_hours", 0))
        .post("/console/api/keys/" + other.testKeyId() + "/roll")
        .then()
        .statusCode(404);
    String fresh =
        given()
            .cookie("pp_console", s.cookie())
            .header("X-Console-Mode", "test")
            .header("X-CSRF-Token", s.csrf())
            .contentType("application/json")
            .body(Map.of("grace_period_hours", 0))
            .post("/console/api/keys/" + m.testKeyId() + "/roll")
            .then()
            .statusCode(201)
            .header("Cache-Control", "no-store")
            .body("previous.status", is("expired"))
            .extract()
            .jsonPath()
            .getString("secret_key");
    given().header("X-Api-Key", m.testKey()).get("/v1/customers").then().statusCode(401);
    given().header("X-Api-Key", fresh).get("/v1/customers").then().statusCode(200);
    given().header("X-Api-Key", other.testKey()).get("/v1/customers").then().statusCode(200);
  }

  @Test
  void theConsolePagesAreServedWithAStrictContentSecurityPolicy() {
    given()
        .redirects()
        .follow(false)
        .get("/console")
        .then()
        .statusCode(301)
        .header("Location", "/console/");
    given()
        .get("/console/")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("script-src 'self'"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("X-Content-Type-Options", "nosniff")
        .body(containsString("<html"));
    given()
        .get("/webjars/chart.js/4.4.7/dist/chart.umd.js")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", notNullValue());
    given().get("/console/api/session").then().statusCode(401);
  }
}
