package dev.payplatform.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.edge.service.InternalTokens;
import dev.payplatform.edge.service.KeyPrincipal;
import java.time.InstantSource;
import java.util.Map;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class SignTokenStepTest {
  private static final SignToken STEP =
      new SignToken(new InternalTokens(StepHarness.config(Map.of()), InstantSource.system()));

  @Test
  void aMerchantsRequestCarriesASignedTokenForItsMerchantAndMode() throws Exception {
    KeyPrincipal key = new KeyPrincipal("key_1", "mer_1", Mode.LIVE, "Shop", "acct_1", null, null);
    try (StepHarness step = StepHarness.after(x -> x.authenticated(key, null), STEP)) {
      String token =
          step.request().get("/v1/products").then().statusCode(200).extract().path("token");
      var claims =
          new JwtConsumerBuilder()
              .setVerificationKey(
                  dev.payplatform.commons.keys.PemKeys.publicKey("testing/internal-jwt-public.pem"))
              .setExpectedIssuer("payplatform-edge")
              .setSkipDefaultAudienceValidation()
              .build()
              .processToClaims(token);
      assertThat(claims.getSubject()).isEqualTo("mer_1");
      assertThat(claims.getClaimValueAsString("mode")).isEqualTo("live");
      assertThat(claims.getClaimValueAsString("gateway_account_id")).isEqualTo("acct_1");
    }
  }

  @Test
  void aPublicRouteGoesOnWithoutAToken() {
    try (StepHarness step = StepHarness.after(x -> {}, STEP)) {
      step.request().get("/checkout/cs_1").then().statusCode(200).body("token", nullValue());
    }
  }
}
