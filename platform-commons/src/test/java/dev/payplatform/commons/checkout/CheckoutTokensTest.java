package dev.payplatform.commons.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

class CheckoutTokensTest {
  static final String SECRET = "test-only-checkout-token-secret-0123456789abcdef";
  private final CheckoutTokens tokens = new CheckoutTokens(Optional.of(SECRET), Optional.empty());

  private CheckoutClaims claims(Instant expiresAt) {
    return new CheckoutClaims(
        "payment",
        "pay_abc",
        "pay_abc",
        "mer_1",
        false,
        "My Store",
        "acct_live_1",
        4999,
        "USD",
        "Monthly plan",
        List.of("Monthly Subscription"),
        "https://yoursite.com/thank-you",
        null,
        expiresAt);
  }

  @Test
  void aSignedTokenVerifiesToTheSameClaims() {
    Instant exp = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    CheckoutClaims original = claims(exp);
    assertThat(tokens.verify(tokens.sign(original))).isEqualTo(original);
  }

  @Test
  void theSignedLengthIsKnownBeforeSigning() {
    Instant exp = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    CheckoutClaims small = claims(exp);
    CheckoutClaims large =
        new CheckoutClaims(
            "payment",
            "pay_abc",
            "pay_abc",
            "mer_1",
            false,
            "Ünïcödé Store",
            null,
            4999,
            "USD",
            "d".repeat(1000),
            java.util.Collections.nCopies(20, "item ✓ " + "i".repeat(200)),
            "https://yoursite.com/thank-you?" + "q".repeat(1500),
            "cus_1",
            exp);
    for (CheckoutClaims c : List.of(small, large)) {
      assertThat(tokens.signedLength(c)).isEqualTo(tokens.sign(c).length());
    }
  }

  @Test
  void aTamperedAmountFailsVerification() {
    String token = tokens.sign(claims(Instant.now().plusSeconds(600)));
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.replace("\"amount\":4999", "\"amount\":1").getBytes());
    assertThatThrownBy(() -> tokens.verify(parts[0] + "." + forged + "." + parts[2]))
        .isInstanceOf(InvalidCheckoutTokenException.class);
  }

  @Test
  void anExpiredTokenIsRefusedAndSaysSo() {
    String token = tokens.sign(claims(Instant.now().minusSeconds(120)));
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOf(InvalidCheckoutTokenException.class)
        .satisfies(e -> assertThat(((InvalidCheckoutTokenException) e).expired()).isTrue());
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() {
    CheckoutTokens other =
        new CheckoutTokens(
            Optional.of("another-checkout-token-secret-0123456789abcdef"), Optional.empty());
    String token = other.sign(claims(Instant.now().plusSeconds(600)));
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOf(InvalidCheckoutTokenException.class);
    assertThatThrownBy(() -> tokens.verify("garbage"))
        .isInstanceOf(InvalidCheckoutTokenException.class);
    assertThatThrownBy(() -> tokens.verify("")).isInstanceOf(InvalidCheckoutTokenException.class);
  }

  @Test
  void tokensAreHs256() {
    String header = tokens.sign(claims(Instant.now().plusSeconds(600))).split("\\.")[0];
    assertThat(new String(Base64.getUrlDecoder().decode(header))).contains("\"alg\":\"HS256\"");
  }

  @Test
  void aSecretShorterThan32BytesIsRefused() {
    CheckoutTokens weak = new CheckoutTokens(Optional.of("short-secret"), Optional.empty());
    assertThatThrownBy(() -> weak.sign(claims(Instant.now().plusSeconds(600))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void anRs256TokenFromBeforeTheSwitchVerifiesOnlyWhileItsPublicKeyIsConfigured() throws Exception {
    String legacy = rs256(claims(Instant.now().plusSeconds(600)));
    assertThatThrownBy(() -> tokens.verify(legacy))
        .isInstanceOf(InvalidCheckoutTokenException.class);
    CheckoutTokens rotating =
        new CheckoutTokens(Optional.of(SECRET), Optional.of("testing/checkout-token-public.pem"));
    assertThat(rotating.verify(legacy).paymentId()).isEqualTo("pay_abc");
    assertThat(rotating.verify(tokens.sign(claims(Instant.now().plusSeconds(600)))).paymentId())
        .isEqualTo("pay_abc");
  }

  @Test
  void anHs256TokenForgedWithThePublicKeyAsItsSecretIsRefused() throws Exception {
    // The classic confusion attack: the public key's bytes used as an HMAC secret.
    byte[] publicPem =
        java.nio.file.Files.readAllBytes(
            java.nio.file.Path.of(
                getClass()
                    .getClassLoader()
                    .getResource("testing/checkout-token-public.pem")
                    .toURI()));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(
        "{\"iss\":\"payplatform\",\"aud\":\"checkout\",\"exp\":"
            + (Instant.now().getEpochSecond() + 600)
            + ",\"amount\":1}");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setKey(new org.jose4j.keys.HmacKey(publicPem));
    String forged = jws.getCompactSerialization();
    CheckoutTokens rotating =
        new CheckoutTokens(Optional.of(SECRET), Optional.of("testing/checkout-token-public.pem"));
    assertThatThrownBy(() -> rotating.verify(forged))
        .isInstanceOf(InvalidCheckoutTokenException.class);
  }

  /** A token as the RS256 signer of before minted it. */
  private static String rs256(CheckoutClaims c) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(
        "{\"iss\":\"payplatform\",\"aud\":\"checkout\",\"sub\":\"pay_abc\",\"exp\":"
            + c.expiresAt().getEpochSecond()
            + ",\"purpose\":\"payment\",\"payment_id\":\"pay_abc\",\"merchant_id\":\"mer_1\","
            + "\"livemode\":false,\"merchant_name\":\"My Store\",\"amount\":4999,"
            + "\"currency\":\"USD\",\"items\":[]}");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKey(
        dev.payplatform.commons.keys.PemKeys.privateKey("testing/checkout-token-private.pem"));
    return jws.getCompactSerialization();
  }
}
