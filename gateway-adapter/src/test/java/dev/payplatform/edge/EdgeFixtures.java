package dev.payplatform.edge;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.util.KeyUtils;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/** Merchants made through the operator API, and a reader for the JWT the upstream received. */
public final class EdgeFixtures {
  public static final String ADMIN = "test-admin-token-0123456789abcdef";

  public record TestMerchant(
      String id, String testKey, String liveKey, String testKeyId, String liveKeyId) {}

  private EdgeFixtures() {}

  public static TestMerchant merchant() {
    return merchant(Map.of());
  }

  static TestMerchant merchant(Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Shop " + UUID.randomUUID().toString().substring(0, 8));
    body.put("gateway_account_id", "acct_test123");
    body.putAll(extra);
    JsonPath created =
        given()
            .header("Authorization", "Bearer " + ADMIN)
            .contentType("application/json")
            .body(body)
            .post("/admin/merchants")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String id = created.getString("id");
    return new TestMerchant(
        id,
        created.getString("secret_key_test"),
        created.getString("secret_key_live"),
        created.getString("keys.find { it.mode == 'test' }.id"),
        created.getString("keys.find { it.mode == 'live' }.id"));
  }

  /** Verifies the forwarded bearer token with the services' public key and returns its claims. */
  static JwtClaims verifiedClaims(String authorizationHeader) throws Exception {
    String token = authorizationHeader.substring("Bearer ".length());
    return new JwtConsumerBuilder()
        .setVerificationKey(KeyUtils.readPublicKey("testing/internal-jwt-public.pem"))
        .setExpectedIssuer("payplatform-edge")
        .setRequireExpirationTime()
        .setRequireIssuedAt()
        .build()
        .processToClaims(token);
  }
}
