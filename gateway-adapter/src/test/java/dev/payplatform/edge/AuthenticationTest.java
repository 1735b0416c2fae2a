package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class AuthenticationTest {

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void xApiKeyAndBothBasicFormsAuthenticate() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    given()
        .header("X-Api-Key", m.testKey())
        .get("/v1/customers")
        .then()
        .statusCode(200)
        .body("service", is("catalog"));
    given()
        .header("Authorization", basic(m.testKey() + ":"))
        .get("/v1/customers")
        .then()
        .statusCode(200);
    given().header("Authorization", basic(m.testKey())).get("/v1/customers").then().statusCode(200);
  }

  @Test
  void missingOrMalformedKeysAre401InvalidFormat() {
    for (var request :
        List.of(
            given(),
            given().header("X-Api-Key", ""),
            given().header("X-Api-Key", "pk_test_abcdefghijklmnopqrstuvwxyz"),
            given().header("X-Api-Key", "sk_prod_abcdefghijklmnopqrstuvwxyz"),
            given().header("X-Api-Key", "sk_test_short"),
            given().header("Authorization", "Basic !!!not-base64!!!"),
            given().header("Authorization", basic(":")),
            given().header("Authorization", "Digest abc"))) {
      request
          .get("/v1/customers")
          .then()
          .statusCode(401)
          .body("detail", is("Invalid API key format."));
    }
  }

  @Test
  void wellFormedButUnknownKeysAre401InvalidKey() {
    given()
        .header("X-Api-Key", "sk_test_" + "A".repeat(43))
        .get("/v1/products")
        .then()
        .statusCode(401)
        .body("detail", is("Invalid API key."));
    given()
        .header("Authorization", basic("sk_live_" + "B".repeat(43) + ":"))
        .post("/v1/refunds")
        .then()
        .statusCode(401)
        .body("detail", is("Invalid API key."));
  }

  @Test
  void theUpstreamGetsAVerifiableShortLivedJwtWithTheKeysModeAndMerchant() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    JsonPath asTest =
        given()
            .header("X-Api-Key", m.testKey())
            .get("/v1/plans")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JwtClaims test = EdgeFixtures.verifiedClaims(asTest.getString("headers.authorization"));
    assertThat(test.getSubject()).isEqualTo(m.id());
    assertThat(test.getStringClaimValue("mode")).isEqualTo("test");
    assertThat(test.getStringClaimValue("merchant_name")).startsWith("Shop ");
    assertThat(test.getStringClaimValue("gateway_account_id")).isEqualTo("acct_test123");
    assertThat(test.getStringListClaimValue("groups")).containsExactly("merchant");
    long lifetime = test.getExpirationTime().getValue() - test.getIssuedAt().getValue();
    assertThat(lifetime).isBetween(1L, 300L);
    assertThat(asTest.getString("headers.x-api-key"))
        .as("the secret key never reaches a service")
        .isNull();

    JsonPath asLive =
        given()
            .header("X-Api-Key", m.liveKey())
            .get("/v1/plans")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JwtClaims live = EdgeFixtures.verifiedClaims(asLive.getString("headers.authorization"));
    assertThat(live.getStringClaimValue("mode")).isEqualTo("live");
    assertThat(live.getSubject()).isEqualTo(m.id());
  }

  @Test
  void theTokenIsMintedOncePerKeyAndReused() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String first =
        given()
            .header("X-Api-Key", m.testKey())
            .get("/v1/plans")
            .then()
            .extract()
            .path("headers.authorization");
    String second =
        given()
            .header("X-Api-Key", m.testKey())
            .get("/v1/products")
            .then()
            .extract()
            .path("headers.authorization");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void publicRoutesNeedNoKeyAndCarryNoToken() {
    for (String[] call :
        new String[][] {
          {"GET", "/v1/payments/session/sess_abc", "checkout"},
          {"POST", "/v1/payments/intent", "checkout"},
          {"POST", "/v1/payments/intent/pi_abc/confirm", "checkout"},
          {"POST", "/v1/payments/subscription", "checkout"},
          {"GET", "/checkout/session/sess_abc", "checkout"},
          {"GET", "/checkout/pay/pay_abc?data=tok", "checkout"},
          {"GET", "/link/plink_abc", "billing"}
        }) {
      given()
          .header("Authorization", "Bearer forged.jwt.here")
          .request(call[0], call[1])
          .then()
          .statusCode(200)
          .body("service", is(call[2]))
          .body("headers.authorization", nullValue());
    }
  }

  @Test
  void revokedKeysFailAtOnce() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    given().header("X-Api-Key", m.testKey()).get("/v1/customers").then().statusCode(200);
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .post("/admin/merchants/" + m.id() + "/keys/" + m.testKeyId() + "/revoke")
        .then()
        .statusCode(200)
        .body("status", is("revoked"));
    given()
        .header("X-Api-Key", m.testKey())
        .get("/v1/customers")
        .then()
        .statusCode(401)
        .body("detail", is("Invalid API key."));
    given().header("X-Api-Key", m.liveKey()).get("/v1/customers").then().statusCode(200);
  }

  @Test
  void aRolledKeyWorksThroughItsGracePeriodAndNotAfter() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    JsonPath rolled =
        given()
            .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
            .contentType("application/json")
            .body("{\"grace_period_hours\": 24}")
            .post("/admin/merchants/" + m.id() + "/keys/" + m.testKeyId() + "/roll")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String fresh = rolled.getString("secret_key");
    assertThat(fresh).startsWith("sk_test_").isNotEqualTo(m.testKey());
    assertThat(rolled.getString("previous.status")).isEqualTo("rolled");
    given().header("X-Api-Key", fresh).get("/v1/customers").then().statusCode(200);
    given().header("X-Api-Key", m.testKey()).get("/v1/customers").then().statusCode(200);

    // Rolling the new key with no grace ends it at once.
    String freshId = rolled.getString("key.id");
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .contentType("application/json")
        .body("{\"grace_period_hours\": 0}")
        .post("/admin/merchants/" + m.id() + "/keys/" + freshId + "/roll")
        .then()
        .statusCode(201);
    given()
        .header("X-Api-Key", fresh)
        .get("/v1/customers")
        .then()
        .statusCode(401)
        .body("detail", is("Invalid API key."));
  }
}
