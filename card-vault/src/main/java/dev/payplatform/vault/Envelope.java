package dev.payplatform.vault;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM, the JDK's: a random 96-bit IV per sealing, stored before the ciphertext and its
 * 128-bit tag; the additional data binds a ciphertext to the record it belongs to, so a value
 * copied into another row does not open there.
 */
final class Envelope {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private Envelope() {}

  /** A fresh 256-bit data key, one per record. */
  static SecretKey newDataKey() {
    try {
      KeyGenerator g = KeyGenerator.getInstance("AES");
      g.init(256, RANDOM);
      return g.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static SecretKey key(byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("an AES-256 key is 32 bytes, not " + raw.length);
    }
    return new SecretKeySpec(raw, "AES");
  }

  static byte[] seal(SecretKey key, byte[] plaintext, byte[] additionalData) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(additionalData);
      byte[] sealed = c.doFinal(plaintext);
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM sealing failed", e);
    }
  }

  /** Opens what {@link #seal} made; a wrong key, a changed byte or other data fail. */
  static byte[] open(SecretKey key, byte[] sealed, byte[] additionalData)
      throws GeneralSecurityException {
    if (sealed.length <= IV_BYTES) {
      throw new GeneralSecurityException("too short to be sealed");
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
    c.updateAAD(additionalData);
    return c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
  }
}
