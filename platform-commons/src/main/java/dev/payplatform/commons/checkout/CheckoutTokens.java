package dev.payplatform.commons.checkout;

import dev.payplatform.commons.keys.PemKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/**
 * Signs and verifies checkout tokens: RS256 JWS with audience {@code checkout}. Issuers
 * (payments-service, billing-service) hold the private key; checkout-service holds only the public
 * key, so it can trust the amount without calling the issuer back.
 */
@ApplicationScoped
public class CheckoutTokens {
  static final String AUDIENCE = "checkout";
  static final String ISSUER = "payplatform";

  private final Optional<String> privateKeyLocation;
  private final Optional<String> publicKeyLocation;
  private volatile PrivateKey privateKey;
  private volatile JwtConsumer consumer;

  public CheckoutTokens(
      @ConfigProperty(name = "platform.checkout-token.private-key")
          Optional<String> privateKeyLocation,
      @ConfigProperty(name = "platform.checkout-token.public-key")
          Optional<String> publicKeyLocation) {
    this.privateKeyLocation = privateKeyLocation;
    this.publicKeyLocation = publicKeyLocation;
  }

  /** A signed token for these claims; expires at {@link CheckoutClaims#expiresAt()}. */
  public String sign(CheckoutClaims c) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims(c).toJson());
    jws.setKey(privateKey());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("could not sign a checkout token", e);
    }
  }

  /**
   * How long {@link #sign} would make the token for these claims, without the signing (an RS256
   * signature costs milliseconds; its length is fixed by the key): so a caller can refuse claims
   * that would not fit in a URL before it stores anything.
   */
  public int signedLength(CheckoutClaims c) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    int header = base64UrlLength(jws.getHeaders().getFullHeaderAsJsonString().length());
    int payload =
        base64UrlLength(
            claims(c).toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    int signatureBytes =
        (((java.security.interfaces.RSAKey) privateKey()).getModulus().bitLength() + 7) / 8;
    return header + 1 + payload + 1 + base64UrlLength(signatureBytes);
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

  private PrivateKey privateKey() {
    if (privateKey == null) {
      String location =
          privateKeyLocation.orElseThrow(
              () -> new IllegalStateException("platform.checkout-token.private-key is not set"));
      try {
        privateKey = PemKeys.privateKey(location);
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the checkout-token private key", e);
      }
    }
    return privateKey;
  }

  private JwtConsumer consumer() {
    if (consumer == null) {
      String location =
          publicKeyLocation.orElseThrow(
              () -> new IllegalStateException("platform.checkout-token.public-key is not set"));
      PublicKey key;
      try {
        key = PemKeys.publicKey(location);
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the checkout-token public key", e);
      }
      consumer =
          new JwtConsumerBuilder()
              .setRequireExpirationTime()
              .setAllowedClockSkewInSeconds(30)
              .setExpectedAudience(AUDIENCE)
              .setExpectedIssuer(ISSUER)
              .setVerificationKey(key)
              .setJwsAlgorithmConstraints(
                  AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
              .build();
    }
    return consumer;
  }
}
