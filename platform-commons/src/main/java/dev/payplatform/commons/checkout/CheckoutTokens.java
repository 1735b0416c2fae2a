package dev.payplatform.commons.checkout;

import dev.payplatform.commons.config.CheckoutTokenConfig;
import dev.payplatform.commons.keys.PemKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Signs and verifies checkout tokens: HS256 JWS with audience {@code checkout}, keyed by a secret
 * only the token's signers (payments-service, billing-service) and its verifier (checkout-service)
 * hold, so checkout can trust the amount without calling the issuer back. HMAC-SHA256 costs
 * microseconds where the RS256 of before cost a millisecond or more per hosted payment
 * (docs/decisions/0010). Tokens signed RS256 before the switch still verify while {@code
 * platform.checkout-token.previous-public-key} names their public key.
 */
@ApplicationScoped
public class CheckoutTokens {
  static final String AUDIENCE = "checkout";
  static final String ISSUER = "payplatform";

  /** HMAC-SHA256 keys shorter than the hash add nothing but guessability (RFC 7518 §3.2). */
  static final int MIN_SECRET_BYTES = 32;

  private static final int HS256_SIGNATURE_BYTES = 32;

  private final Optional<String> secret;
  private final Optional<String> previousPublicKeyLocation;
  private volatile HmacKey key;
  private volatile JwtConsumer consumer;

  @Inject
  public CheckoutTokens(CheckoutTokenConfig config) {
    this(config.secret(), config.previousPublicKey());
  }

  public CheckoutTokens(Optional<String> secret, Optional<String> previousPublicKeyLocation) {
    this.secret = secret;
    this.previousPublicKeyLocation = previousPublicKeyLocation;
  }

  /** A signed token for these claims; expires at {@link CheckoutClaims#expiresAt()}. */
  public String sign(CheckoutClaims c) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims(c).toJson());
    jws.setKey(key());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("could not sign a checkout token", e);
    }
  }

  /**
   * How long {@link #sign} would make the token for these claims, without signing: so a caller can
   * refuse claims that would not fit in a URL before it stores anything.
   */
  public int signedLength(CheckoutClaims c) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    int header = base64UrlLength(jws.getHeaders().getFullHeaderAsJsonString().length());
    int payload =
        base64UrlLength(
            claims(c).toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    return header + 1 + payload + 1 + base64UrlLength(HS256_SIGNATURE_BYTES);
  }

  private static int base64UrlLength(int bytes) {
    return (bytes * 4 + 2) / 3; // unpadded
  }

  private static JwtClaims claims(CheckoutClaims c) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(c.reference());
    claims.setIssuedAtToNow();
    claims.setExpirationTime(NumericDate.fromSeconds(c.expiresAt().getEpochSecond()));
    claims.setClaim("purpose", c.purpose());
    claims.setClaim("payment_id", c.paymentId());
    claims.setClaim("merchant_id", c.merchantId());
    claims.setClaim("livemode", c.livemode());
    claims.setClaim("merchant_name", c.merchantName());
    if (c.gatewayAccountId() != null) {
      claims.setClaim("gateway_account_id", c.gatewayAccountId());
    }
    claims.setClaim("amount", c.amountMinor());
    claims.setClaim("currency", c.currency());
    claims.setClaim("description", c.description());
    claims.setStringListClaim("items", c.items());
    claims.setClaim("return_url", c.returnUrl());
    claims.setClaim("customer_id", c.customerId());
    return claims;
  }

  /** The claims of a valid token; throws {@link InvalidCheckoutTokenException} otherwise. */
  public CheckoutClaims verify(String token) {
    if (token == null || token.isBlank() || token.length() > 8192) {
      throw new InvalidCheckoutTokenException("missing or oversized checkout token", false);
    }
    JwtClaims claims;
    try {
      claims = consumer().processToClaims(token);
    } catch (InvalidJwtException e) {
      throw new InvalidCheckoutTokenException("invalid checkout token", e.hasExpired());
    }
    try {
      Object amount = claims.getClaimValue("amount");
      Object live = claims.getClaimValue("livemode");
      List<String> items =
          claims.hasClaim("items") ? claims.getStringListClaimValue("items") : List.of();
      return new CheckoutClaims(
          claims.getStringClaimValue("purpose"),
          claims.getSubject(),
          claims.getStringClaimValue("payment_id"),
          claims.getStringClaimValue("merchant_id"),
          Boolean.TRUE.equals(live),
          claims.getStringClaimValue("merchant_name"),
          claims.getStringClaimValue("gateway_account_id"),
          ((Number) amount).longValue(),
          claims.getStringClaimValue("currency"),
          claims.getStringClaimValue("description"),
          new ArrayList<>(items),
          claims.getStringClaimValue("return_url"),
          claims.getStringClaimValue("customer_id"),
          Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
    } catch (MalformedClaimException | ClassCastException | NullPointerException e) {
      throw new InvalidCheckoutTokenException("checkout token has malformed claims", false);
    }
  }

  /** Throws unless the secret is set and long enough: for a check at start-up. */
  public void requireSecret() {
    key();
  }

  private HmacKey key() {
    if (key == null) {
      String value =
          secret
              .filter(v -> !v.isBlank())
              .orElseThrow(
                  () -> new IllegalStateException("platform.checkout-token.secret is not set"));
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < MIN_SECRET_BYTES) {
        throw new IllegalStateException(
            "platform.checkout-token.secret must be at least " + MIN_SECRET_BYTES + " bytes");
      }
      key = new HmacKey(bytes);
    }
    return key;
  }

  private JwtConsumer consumer() {
    if (consumer == null) {
      HmacKey hmac = key();
      PublicKey previous = previousPublicKeyLocation.map(CheckoutTokens::publicKey).orElse(null);
      String[] permitted =
          previous == null
              ? new String[] {AlgorithmIdentifiers.HMAC_SHA256}
              : new String[] {
                AlgorithmIdentifiers.HMAC_SHA256, AlgorithmIdentifiers.RSA_USING_SHA256
              };
      consumer =
          new JwtConsumerBuilder()
              .setRequireExpirationTime()
              .setAllowedClockSkewInSeconds(30)
              .setExpectedAudience(AUDIENCE)
              .setExpectedIssuer(ISSUER)
              // The algorithm picks the key, and only the permitted ones get that far: an RS256
              // token is checked against the previous public key, never the HMAC secret.
              .setVerificationKeyResolver(
                  (jws, nested) ->
                      AlgorithmIdentifiers.RSA_USING_SHA256.equals(jws.getAlgorithmHeaderValue())
                          ? previous
                          : hmac)
              .setJwsAlgorithmConstraints(
                  new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, permitted))
              .build();
    }
    return consumer;
  }

  private static PublicKey publicKey(String location) {
    try {
      return PemKeys.publicKey(location);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the previous checkout-token public key", e);
    }
  }
}
