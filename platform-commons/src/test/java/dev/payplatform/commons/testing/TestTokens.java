package dev.payplatform.commons.testing;

import dev.payplatform.commons.auth.InternalClaims;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.util.Set;

/** Mints internal JWTs as the edge does, signed with the test-only key in this test-jar. */
public final class TestTokens {
  public static final String ISSUER = "payplatform-edge";
  private static volatile PrivateKey key;

  private TestTokens() {}

  public static String merchant(String merchantId, String mode) {
    return merchant(merchantId, mode, "Test Store " + merchantId, "acct_test");
  }

  public static String merchant(
      String merchantId, String mode, String merchantName, String gatewayAccountId) {
    var claims =
        Jwt.issuer(ISSUER)
            .subject(merchantId)
            .groups(Set.of(InternalClaims.MERCHANT_ROLE))
            .claim(InternalClaims.MODE, mode)
            .claim(InternalClaims.MERCHANT_NAME, merchantName)
            .expiresIn(300);
    if (gatewayAccountId != null) {
      claims.claim(InternalClaims.GATEWAY_ACCOUNT_ID, gatewayAccountId);
    }
    return claims.jws().keyId("test").sign(privateKey());
  }

  public static String expired(String merchantId) {
    long now = System.currentTimeMillis() / 1000;
    return Jwt.issuer(ISSUER)
        .subject(merchantId)
        .groups(Set.of(InternalClaims.MERCHANT_ROLE))
        .claim(InternalClaims.MODE, "test")
        .issuedAt(now - 900)
        .expiresAt(now - 600)
        .jws()
        .sign(privateKey());
  }

  private static PrivateKey privateKey() {
    if (key == null) {
      try {
        key = KeyUtils.readPrivateKey("testing/internal-jwt-private.pem");
      } catch (Exception e) {
        throw new IllegalStateException("test key missing from the platform-commons test-jar", e);
      }
    }
    return key;
  }
}
