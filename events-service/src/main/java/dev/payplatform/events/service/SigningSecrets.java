package dev.payplatform.events.service;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Endpoints' signing secrets: minted ({@code whsec_} + 24 random bytes, base64, the Standard
 * Webhooks form), sealed at rest with AES-256-GCM under {@code events.webhooks.secret-key} (a
 * signing secret must be used, so it cannot be hashed like an API key; a database dump alone does
 * not give it away), and used to sign with the Standard Webhooks reference library.
 */
@ApplicationScoped
public class SigningSecrets {
  static final String PREFIX = "whsec_";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  private final String configuredKey;
  private SecretKey key;

  public SigningSecrets(
      @ConfigProperty(name = "events.webhooks.secret-key") Optional<String> configuredKey) {
    this.configuredKey = configuredKey.orElse("");
  }

  /** The service refuses to start without a usable key, rather than fail its first endpoint. */
  void onStart(@Observes StartupEvent start) {
    key();
  }

  public String mint() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  public String seal(String secret) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not seal a signing secret", e);
    }
  }

  public String open(String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a sealed signing secret does not open under this key", e);
    }
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

  private synchronized SecretKey key() {
    if (key == null) {
      byte[] bytes = decodeKey(configuredKey == null ? "" : configuredKey.strip());
      key = new SecretKeySpec(bytes, "AES");
    }
    return key;
  }

  static byte[] decodeKey(String text) {
    byte[] bytes;
    if (text.matches("[0-9a-fA-F]{64}")) {
      bytes = HexFormat.of().parseHex(text);
    } else {
      try {
        bytes = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        bytes = new byte[0];
      }
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "events.webhooks.secret-key (PLATFORM_WEBHOOK_SECRET_KEY) must be 32 bytes, as 64 hex"
              + " digits or base64: it seals the endpoints' signing secrets");
    }
    return bytes;
  }
}
