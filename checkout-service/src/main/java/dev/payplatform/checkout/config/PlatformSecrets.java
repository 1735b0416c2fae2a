package dev.payplatform.checkout.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code platform.card-fingerprint-secret}, a leaf of the shared {@code platform.} namespace: a
 * {@code @ConfigMapping} would have to claim the whole {@code platform.*} prefix, which commons and
 * every service share, and would then refuse every key of it that it does not declare. So it is
 * read here, the one place outside the mappings (commons' {@code OperatorToken} does the same for
 * the admin token).
 */
@ApplicationScoped
public class PlatformSecrets {
  private final String cardFingerprintSecret;

  public PlatformSecrets(
      @ConfigProperty(name = "platform.card-fingerprint-secret") String cardFingerprintSecret) {
    this.cardFingerprintSecret = cardFingerprintSecret;
  }

  /** The HMAC key of card fingerprints. */
  public String cardFingerprintSecret() {
    return cardFingerprintSecret;
  }
}
