package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/**
 * The console's security round (docs/console.md): a lockout parallel guesses cannot race, invites
 * that die with their inviter and can be revoked, mode per tab, two-factor sign-in, and the audit
 * log of who did what.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class ConsoleSecurityTest {
  private static final String PASSWORD = "correct horse battery staple";

  @Inject Pool pool;

  record Signed(String cookie, String csrf, JsonPath session) {}

  private static String newUser(EdgeFixtures.TestMerchant m, String role) {
    String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .contentType("application/json")
        .body(Map.of("email", email, "role", role, "password", PASSWORD))
        .post("/admin/merchants/" + m.id() + "/users")
        .then()
        .statusCode(201);
    return email;
  }

  private static Response signInRaw(String email, String password) {
    return given()
        .contentType("application/json")
        .body(Map.of("email", email, "password", password))
        .post("/console/api/session");
  }

  private static Signed signIn(String email) {
    Response r = signInRaw(email, PASSWORD);
    r.then().statusCode(200);
    return new Signed(
        r.getCookie("pp_console"), r.jsonPath().getString("csrf_token"), r.jsonPath());
  }

  private static io.restassured.specification.RequestSpecification as(Signed s, String mode) {
    return given()
        .cookie("pp_console", s.cookie())
        .header("X-CSRF-Token", s.csrf())
        .header("X-Console-Mode", mode)
        .contentType("application/json");
  }

  /** The code an authenticator app shows for this secret at this time. */
  static String code(String secret, Instant at) throws Exception {
    return new TimeBasedOneTimePasswordGenerator()
        .generateOneTimePasswordString(
            new SecretKeySpec(new Base32().decode(secret), "RAW"), at, Locale.ROOT);
  }

  /** Enrols the user's authenticator; answers the secret and the recovery codes. */
  private static Map.Entry<String, List<String>> enrol(Signed s) throws Exception {
    JsonPath started =
        as(s, "test")
            .post("/console/api/two_factor/enrolment")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String secret = started.getString("secret");
    assertThat(started.getString("otpauth_uri")).startsWith("otpauth://totp/").contains(secret);
    assertThat(started.getString("qr_data_url")).startsWith("data:image/svg+xml;base64,");
    List<String> recovery =
        as(s, "test")
            .body(Map.of("code", code(secret, Instant.now())))
            .post("/console/api/two_factor/enrolment/confirm")
            .then()
            .statusCode(200)
            .body("recovery_codes", hasSize(10))
            .extract()
            .jsonPath()
            .getList("recovery_codes");
    return Map.entry(secret, recovery);
  }

  @Test
  void thirtyParallelWrongPasswordsGetAtMostFive401sAndTheRestAndThenTheRightOne429()
      throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String email = newUser(m, "owner");
    String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
    for (String address : List.of(email, nobody)) {
      ExecutorService pool = Executors.newFixedThreadPool(30);
      try {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          String guess = "wrong guess number " + i;
          answers.add(pool.submit(() -> signInRaw(address, guess).statusCode()));
        }
        int unauthorized = 0;
        int locked = 0;
        for (Future<Integer> a : answers) {
          int status = a.get();
          assertThat(status).isIn(401, 429);
          unauthorized += status == 401 ? 1 : 0;
          locked += status == 429 ? 1 : 0;
        }
        assertThat(unauthorized)
            .as("wrong passwords checked for %s", address)
            .isLessThanOrEqualTo(5);
        assertThat(locked).isGreaterThanOrEqualTo(25);
      } finally {
        pool.shutdownNow();
      }
    }
    signInRaw(email, PASSWORD).then().statusCode(429).header("Retry-After", notNullValue());
  }

  @Test
  void aRemovedOwnersInviteIsGoneAndAnOwnerRevokesAPendingOne() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    Signed first = signIn(newUser(m, "owner"));
    Signed second = signIn(newUser(m, "owner"));
    String token =
        signupToken(
            as(first, "test")
                .body(Map.of("email", "joiner@example.com", "role", "owner"))
                .post("/console/api/team/invites")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("signup_url"));
    given().get("/console/api/invites/" + token).then().statusCode(200);
    as(second, "test")
        .delete("/console/api/team/" + first.session().getString("user.id"))
        .then()
        .statusCode(204);
    given().get("/console/api/invites/" + token).then().statusCode(404);
    given()
        .contentType("application/json")
        .body(Map.of("token", token, "password", "a long enough password"))
        .post("/console/api/signup")
        .then()
        .statusCode(404);

    JsonPath invite =
        as(second, "test")
            .body(Map.of("email", "later@example.com", "role", "viewer"))
            .post("/console/api/team/invites")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    as(second, "test")
        .get("/console/api/team")
        .then()
        .body("invites.id", hasItem(invite.getString("id")))
        .body("invites.id", hasSize(1));
    as(second, "test")
        .delete("/console/api/team/invites/" + invite.getString("id"))
        .then()
        .statusCode(204);
    given()
        .get("/console/api/invites/" + signupToken(invite.getString("signup_url")))
        .then()
        .statusCode(404);
    as(second, "test").get("/console/api/team").then().body("invites", hasSize(0));
    as(second, "test")
        .delete("/console/api/team/invites/" + invite.getString("id"))
        .then()
        .statusCode(404);
  }

  private static String signupToken(String url) {
    return url.substring(url.indexOf("token=") + "token=".length());
  }

  @Test
  void aTabShowingTestIsRefusedOnceAnotherTabSwitchedTheSessionToLive() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    Signed s = signIn(newUser(m, "owner"));
    as(s, "test").get("/v1/customers").then().statusCode(200);
    as(s, "test")
        .body(Map.of("mode", "live"))
        .put("/console/api/session/mode")
        .then()
        .statusCode(200);
    as(s, "test")
        .body(Map.of("name", "made in the wrong mode"))
        .post("/v1/customers")
        .then()
        .statusCode(409)
        .header("X-Console-Mode", "live")
        .body("title", is("Console mode changed"));
    as(s, "test").get("/v1/customers").then().statusCode(409);
    as(s, "test").get("/console/api/keys").then().statusCode(409);
    as(s, "live").get("/v1/customers").then().statusCode(200);
    // A console request must say which mode its page shows.
    given().cookie("pp_console", s.cookie()).get("/v1/customers").then().statusCode(400);
  }

  @Test
  void twoFactorSignInAsksForACodeAfterThePasswordAndEachCodeWorksOnce() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String email = newUser(m, "owner");
    Signed s = signIn(email);
    assertThat(s.session().getString("stage")).isEqualTo("signed_in");
    Map.Entry<String, List<String>> enrolled = enrol(s);
    as(s, "test")
        .get("/console/api/two_factor")
        .then()
        .body("enabled", is(true))
        .body("recovery_codes_left", is(10));

    Signed half = signIn(email);
    assertThat(half.session().getString("stage")).isEqualTo("two_factor");
    as(half, "test").get("/v1/customers").then().statusCode(403);
    as(half, "test")
        .body(Map.of("code", "000000"))
        .post("/console/api/session/two_factor")
        .then()
        .statusCode(401);
    // The next 30-second step: the current one's code was used to confirm the enrolment.
    String next = code(enrolled.getKey(), Instant.now().plus(Duration.ofSeconds(30)));
    as(half, "test")
        .body(Map.of("code", next))
        .post("/console/api/session/two_factor")
        .then()
        .statusCode(200)
        .body("stage", is("signed_in"));
    as(half, "test").get("/v1/customers").then().statusCode(200);

    // The same code again, in another sign-in: refused (a code works once).
    Signed again = signIn(email);
    as(again, "test")
        .body(Map.of("code", next))
        .post("/console/api/session/two_factor")
        .then()
        .statusCode(401);
    // A recovery code works, once.
    String recovery = enrolled.getValue().get(0);
    as(again, "test")
        .body(Map.of("code", recovery))
        .post("/console/api/session/two_factor")
        .then()
        .statusCode(200);
    Signed third = signIn(email);
    as(third, "test")
        .body(Map.of("code", recovery))
        .post("/console/api/session/two_factor")
        .then()
        .statusCode(401);
  }

  @Test
  void removingTheAuthenticatorNeedsAFreshCode() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String email = newUser(m, "viewer");
    Signed s = signIn(email);
    Map.Entry<String, List<String>> enrolled = enrol(s);
    as(s, "test")
        .body(Map.of("code", "123456"))
        .post("/console/api/two_factor/removal")
        .then()
        .statusCode(401);
    // The code the enrolment was confirmed with is spent: the next step's is fresh.
    String fresh = code(enrolled.getKey(), Instant.now().plus(Duration.ofSeconds(30)));
    as(s, "test")
        .body(Map.of("code", fresh))
        .post("/console/api/two_factor/removal")
        .then()
        .statusCode(204);
    as(s, "test").get("/console/api/two_factor").then().body("enabled", is(false));
    assertThat(signIn(email).session().getString("stage")).isEqualTo("signed_in");
  }

  @Test
  void theCodeStepHasItsOwnLockout() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String email = newUser(m, "developer");
    Map.Entry<String, List<String>> enrolled = enrol(signIn(email));
    Signed half = signIn(email);
    for (int i = 0; i < 5; i++) {
      as(half, "test")
          .body(Map.of("code", "00000" + i))
          .post("/console/api/session/two_factor")
          .then()
          .statusCode(401);
    }
    String right = code(enrolled.getKey(), Instant.now().plus(Duration.ofSeconds(30)));
    as(half, "test")
        .body(Map.of("code", right))
        .post("/console/api/session/two_factor")
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue());
  }

  @Test
  void anOwnerWhoRequiresTwoFactorSendsMembersWithoutItToEnrolFirst() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    Signed owner = signIn(newUser(m, "owner"));
    String devEmail = newUser(m, "developer");
    Signed dev = signIn(devEmail);
    // Only an owner who has it may require it.
    as(owner, "test")
        .body(Map.of("require_two_factor", true))
        .put("/console/api/team/settings")
        .then()
        .statusCode(409);
    enrol(owner);
    as(owner, "test")
        .body(Map.of("require_two_factor", true))
        .put("/console/api/team/settings")
        .then()
        .statusCode(200);
    as(owner, "test").get("/console/api/team").then().body("require_two_factor", is(true));
    // The developer's live session must enrol before anything else; so must a new one.
    as(dev, "test").get("/v1/customers").then().statusCode(403);
    Signed fresh = signIn(devEmail);
    assertThat(fresh.session().getString("stage")).isEqualTo("enrol_two_factor");
    enrol(fresh);
    as(fresh, "test").get("/v1/customers").then().statusCode(200);
  }

  @Test
  void theAuditLogRecordsWhoDidWhatAndOnlyOwnersAndKeysReadIt() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String ownerEmail = newUser(m, "owner");
    signInRaw(ownerEmail, "not the password").then().statusCode(401);
    Signed owner = signIn(ownerEmail);
    as(owner, "test").post("/v1/refunds/re_ABCDEFGHIJKLMNOPQRSTUV/cancel").then().statusCode(200);
    given()
        .header("X-Api-Key", m.testKey())
        .contentType("application/json")
        .body("{}")
        .post("/v1/customers")
        .then()
        .statusCode(200);

    JsonPath log =
        given()
            .header("X-Api-Key", m.testKey())
            .get("/v1/audit_events?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = log.getList("items");
    assertThat(items)
        .anySatisfy(
            e -> {
              assertThat(e.get("action")).isEqualTo("refunds.cancel");
              assertThat(e.get("object_id")).isEqualTo("re_ABCDEFGHIJKLMNOPQRSTUV");
              assertThat(e.get("livemode")).isEqualTo(false);
              assertThat(e.get("outcome")).isEqualTo("success");
              assertThat(((Map<?, ?>) e.get("actor")).get("email")).isEqualTo(ownerEmail);
              assertThat(e.get("ip_address")).isEqualTo("127.0.0.1");
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("action")).isEqualTo("customers.create");
              assertThat(((Map<?, ?>) e.get("actor")).get("type")).isEqualTo("api_key");
              assertThat(((Map<?, ?>) e.get("actor")).get("id")).isEqualTo(m.testKeyId());
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("action")).isEqualTo("console.sign_in");
              assertThat(e.get("outcome")).isEqualTo("failure");
              assertThat(e.get("status")).isEqualTo(401);
              assertThat(e.get("livemode")).isNull();
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("action")).isEqualTo("console.sign_in");
              assertThat(e.get("outcome")).isEqualTo("success");
            });
    // Filters, and the owner reads it in the console too.
    as(owner, "test")
        .get("/v1/audit_events?action=console.sign_in&outcome=failure")
        .then()
        .statusCode(200)
        .body("items", hasSize(1));
    // A viewer and a developer cannot read it; another merchant sees none of it.
    Signed viewer = signIn(newUser(m, "viewer"));
    as(viewer, "test").get("/v1/audit_events").then().statusCode(403);
    Signed developer = signIn(newUser(m, "developer"));
    as(developer, "test").get("/v1/audit_events").then().statusCode(403);
    EdgeFixtures.TestMerchant other = EdgeFixtures.merchant();
    given()
        .header("X-Api-Key", other.testKey())
        .get("/v1/audit_events?limit=100")
        .then()
        .statusCode(200)
        .body("items.actor.email", not(hasItem(ownerEmail)));
    // Reads are not recorded; the GET just made is not in the log.
    given()
        .header("X-Api-Key", m.testKey())
        .get("/v1/audit_events?action=audit_events")
        .then()
        .body("items", hasSize(0));
  }

  @Test
  void theAuditLogIsAppendOnly() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    signIn(newUser(m, "owner"));
    assertThat(
            pool.preparedQuery("select count(*) from audit_event where merchant_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(m.id()))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0))
        .isPositive();
    for (String change :
        List.of(
            "update audit_event set outcome = 'failure' where merchant_id = $1",
            "delete from audit_event where merchant_id = $1")) {
      assertThatThrownBy(
              () ->
                  pool.preparedQuery(change)
                      .execute(io.vertx.mutiny.sqlclient.Tuple.of(m.id()))
                      .await()
                      .indefinitely())
          .hasMessageContaining("append-only");
    }
    given()
        .header("X-Api-Key", m.testKey())
        .get("/v1/audit_events")
        .then()
        .body("items[0].id", startsWith("aud_"));
  }
}
