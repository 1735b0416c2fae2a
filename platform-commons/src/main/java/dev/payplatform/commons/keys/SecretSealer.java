package dev.payplatform.commons.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets the platform must use again (webhook signing secrets, a gateway account's keys), so
 * they cannot be hashed like an API key: AES-256-GCM with a random 96-bit IV per value, stored as
 * base64 of IV and ciphertext. A database dump alone gives none of them away; the key comes from a
 * Secret.
 */
public final class SecretSealer {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  private final SecretKey key;
  private final String property;

  /**
   * @param property the config property (and its environment variable) the key came from, named in
   *     the error when it is unusable
   * @param configuredKey 32 bytes, as 64 hex digits or base64
   */
  public SecretSealer(String property, String configuredKey) {
    this.property = property;
    this.key = new SecretKeySpec(decodeKey(property, configuredKey), "AES");
  }

  public String seal(String secret) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not seal a secret", e);
    }
  }

  public String open(String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a sealed secret does not open under " + property, e);
    }
  }

  static byte[] decodeKey(String property, String configured) {
    String text = configured == null ? "" : configured.strip();
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
          property + " must be 32 bytes, as 64 hex digits or base64: it seals stored secrets");
    }
    return bytes;
  }
}
