package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * A merchant change made through another edge replica reaches the tokens this replica mints within
 * its key cache's lifetime (2 s in tests, 30 s shipped), not when a token cached under the key id
 * alone happens to expire (up to 4 minutes). The other replica is played by a direct update of the
 * shared database, which is all another replica's operator call leaves behind for this one.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class MerchantChangeOnOtherReplicasTest {

  @Test
  void aRenamedMerchantsNewNameAndGatewayAccountReachTheServicesWithinSeconds() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String original = forwardedClaims(m).getStringClaimValue("merchant_name");
    org.assertj.core.api.Assertions.assertThat(original).startsWith("Shop ");

    try (Connection c = dev.payplatform.commons.testing.TestDb.forService("edge").connect();
        PreparedStatement ps =
            c.prepareStatement(
                "update merchant set name = ?, gateway_account_id = ? where id = ?")) {
      ps.setString(1, "Renamed Elsewhere");
      ps.setString(2, "acct_moved");
      ps.setString(3, m.id());
      ps.executeUpdate();
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JwtClaims claims = forwardedClaims(m);
              return "Renamed Elsewhere".equals(claims.getStringClaimValue("merchant_name"))
                  && "acct_moved".equals(claims.getStringClaimValue("gateway_account_id"));
            });
  }

  private static JwtClaims forwardedClaims(EdgeFixtures.TestMerchant m) throws Exception {
    String authorization =
        given()
            .header("X-Api-Key", m.testKey())
            .get("/v1/payments/")
            .then()
            .statusCode(200)
            .extract()
            .path("headers.authorization");
    return EdgeFixtures.verifiedClaims(authorization);
  }
}
