package dev.payplatform.checkout.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two secrets that sit directly under {@code platform.}: a {@code @ConfigMapping} would have to
 * claim the whole {@code platform.*} prefix, which commons and every service share, and would then
 * refuse every property of it that it does not declare. So they are read here, the one place
 * outside the mappings.
 */
@ApplicationScoped
public class PlatformSecrets {
  private final Optional<String> adminToken;
  private final String cardFingerprintSecret;

  public PlatformSecrets(
      @ConfigProperty(name = "platform.admin-token") Optional<String> adminToken,
      @ConfigProperty(name = "platform.card-fingerprint-secret") String cardFingerprintSecret) {
    this.adminToken = adminToken;
    this.cardFingerprintSecret = cardFingerprintSecret;
  }

  /** The operators' token guarding {@code /admin/**}; without it every operator call is refused. */
  public Optional<String> adminToken() {
    return adminToken;
  }

  /** The HMAC key of card fingerprints. */
  public String cardFingerprintSecret() {
    return cardFingerprintSecret;
  }
}
