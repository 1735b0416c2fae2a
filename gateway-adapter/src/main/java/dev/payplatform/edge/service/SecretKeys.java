package dev.payplatform.edge.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.ids.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** Secret keys: their format, generation (256 random bits) and hashing. */
public final class SecretKeys {
  public static final String TEST_PREFIX = "sk_test_";
  public static final String LIVE_PREFIX = "sk_live_";
  private static final Pattern FORMAT = Pattern.compile("sk_(test|live)_[A-Za-z0-9_-]{8,128}");

  private SecretKeys() {}

  /** A new key: the mode's prefix and 32 random bytes, base64url (43 characters). */
  public static String generate(Mode mode) {
    return prefix(mode) + Ids.randomToken(32);
  }

  public static String prefix(Mode mode) {
    return mode == Mode.LIVE ? LIVE_PREFIX : TEST_PREFIX;
  }

  /** The mode a well-formed key is for; empty when the key is malformed. */
  public static Optional<Mode> modeOf(String key) {
    if (key == null || !FORMAT.matcher(key).matches()) {
      return Optional.empty();
    }
    return Optional.of(key.startsWith(LIVE_PREFIX) ? Mode.LIVE : Mode.TEST);
  }

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hashHex(String key) {
    return HexFormat.of().formatHex(hash(key));
  }

  public static String last4(String key) {
    return key.substring(key.length() - 4);
  }
}
