package dev.payplatform.checkout.service.confirmation;

import dev.payplatform.checkout.config.PlatformSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The card fingerprint: HMAC-SHA256 of the card number under a platform secret, hex. It recognises
 * the same card across attempts (fraud rules, merchants' reports) without being reversible by
 * anyone who lacks the key, unlike a plain hash of a 16-digit number.
 */
@ApplicationScoped
public class CardFingerprints {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public CardFingerprints(PlatformSecrets platform) {
    String secret = platform.cardFingerprintSecret();
    if (secret == null || secret.strip().length() < 16) {
      throw new IllegalStateException(
          "platform.card-fingerprint-secret must be set to at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public String of(String cardNumberDigits) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of()
          .formatHex(mac.doFinal(cardNumberDigits.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** SHA-256 hex of a one-time token, so only its hash is stored. */
  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Constant-time comparison of a presented token with a stored hash. */
  public static boolean matches(String presented, String storedHash) {
    if (presented == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sha256(presented).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
