package dev.payplatform.commons.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.payplatform.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A service verifies the edge's internal JWT once and serves the same bytes from its cache until
 * the token expires (decision 0027): the cache is the JWT mechanism's principal factory in a
 * running service, not only in a unit test.
 */
@QuarkusTest
class InternalTokensVerifiedOnceTest {

  @Test
  void theSameTokenIsVerifiedOnceAndThenServedFromTheCache() {
    String token = TestTokens.merchant("mer_verified_once", "test");
    double verifiedBefore = internalTokens("verified");
    double cachedBefore = internalTokens("cached");

    for (int i = 0; i < 3; i++) {
      given()
          .auth()
          .oauth2(token)
          .get("/it/whoami")
          .then()
          .statusCode(200)
          .body("merchant_id", is("mer_verified_once"));
    }

    assertThat(internalTokens("verified") - verifiedBefore)
        .as("tokens verified in full")
        .isEqualTo(1);
    assertThat(internalTokens("cached") - cachedBefore)
        .as("requests served from the cache")
        .isEqualTo(2);
  }

  @Test
  void aTokenThatDiffersInAnyByteIsVerifiedAgain() {
    double verifiedBefore = internalTokens("verified");
    given()
        .auth()
        .oauth2(TestTokens.merchant("mer_first", "test"))
        .get("/it/whoami")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.merchant("mer_second", "test"))
        .get("/it/whoami")
        .then()
        .statusCode(200)
        .body("merchant_id", is("mer_second"));

    assertThat(internalTokens("verified") - verifiedBefore).isEqualTo(2);
  }

  private static double internalTokens(String outcome) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m =
        Pattern.compile(
                "^platform_internal_tokens_total\\{[^}]*outcome=\""
                    + outcome
                    + "\"[^}]*\\} ([0-9.eE+]+)$",
                Pattern.MULTILINE)
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
