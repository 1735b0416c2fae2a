package dev.payplatform.commons.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckoutTokensTest {
  private final CheckoutTokens tokens =
      new CheckoutTokens(
          Optional.of("testing/checkout-token-private.pem"),
          Optional.of("testing/checkout-token-public.pem"));

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
  void aTokenSignedWithAnotherKeyIsRefused() {
    CheckoutTokens other =
        new CheckoutTokens(
            Optional.of("testing/internal-jwt-private.pem"),
            Optional.of("testing/checkout-token-public.pem"));
    String token = other.sign(claims(Instant.now().plusSeconds(600)));
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOf(InvalidCheckoutTokenException.class);
    assertThatThrownBy(() -> tokens.verify("garbage"))
        .isInstanceOf(InvalidCheckoutTokenException.class);
    assertThatThrownBy(() -> tokens.verify("")).isInstanceOf(InvalidCheckoutTokenException.class);
  }
}
