package dev.payplatform.events.service;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.payplatform.commons.keys.SecretSealer;
import dev.payplatform.events.config.EventsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Endpoints' signing secrets: minted ({@code whsec_} + 24 random bytes, base64, the Standard
 * Webhooks form), sealed at rest with AES-256-GCM under {@code events.webhooks.secret-key} (a
 * {@link SecretSealer}), and used to sign with the Standard Webhooks reference library.
 */
@ApplicationScoped
public class SigningSecrets {
  static final String PREFIX = "whsec_";
  private final SecureRandom random = new SecureRandom();
  private final String configuredKey;
  private SecretSealer sealer;

  public SigningSecrets(EventsConfig config) {
    this.configuredKey = config.webhooks().secretKey().orElse("");
  }

  /** The service refuses to start without a usable key, rather than fail its first endpoint. */
  void onStart(@Observes StartupEvent start) {
    sealer();
  }

  public String mint() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  public String seal(String secret) {
    return sealer().seal(secret);
  }

  public String open(String sealed) {
    return sealer().open(sealed);
  }

  /**
   * The {@code webhook-signature} header: {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} per
   * sealed secret, space-separated (several while a rotated secret is in its grace period).
   */
  public String signature(
      List<String> sealedSecrets, String messageId, long timestamp, String body) {
    List<String> signatures = new ArrayList<>();
    for (String sealed : sealedSecrets) {
      try {
        signatures.add(new Webhook(open(sealed)).sign(messageId, timestamp, body));
      } catch (WebhookSigningException e) {
        throw new IllegalStateException("could not sign " + messageId, e);
      }
    }
    return String.join(" ", signatures);
  }

  private synchronized SecretSealer sealer() {
    if (sealer == null) {
      sealer =
          new SecretSealer(
              "events.webhooks.secret-key (PLATFORM_WEBHOOK_SECRET_KEY)", configuredKey);
    }
    return sealer;
  }
}
