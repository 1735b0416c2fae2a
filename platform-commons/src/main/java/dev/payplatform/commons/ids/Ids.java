package dev.payplatform.commons.ids;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Prefixed, URL-safe ids with 128 random bits from {@link SecureRandom} ({@code pay_...}, {@code
 * cus_...}), and client secrets ({@code pi_..._secret_...}).
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern PREFIX = Pattern.compile("[a-z]{1,8}");
  private static final Pattern ID = Pattern.compile("[a-z]{1,8}_[A-Za-z0-9_-]{16,64}");

  /** The prefix of payment ids, the one id every service passes along. */
  public static final String PAYMENT = "pay";

  private Ids() {}

  /**
   * A new payment id. Minted once, by the service where the payment starts (docs/decisions/0009);
   * every later fact about the payment carries it.
   */
  public static String payment() {
    return newId(PAYMENT);
  }

  /** A new id such as {@code pay_Xq3...}: prefix, underscore, 22 URL-safe characters. */
  public static String newId(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("bad id prefix " + prefix);
    }
    return prefix + "_" + randomToken(16);
  }

  /** The client secret of a payment intent: the intent id, {@code _secret_}, 24 random bytes. */
  public static String clientSecret(String intentId) {
    return intentId + "_secret_" + randomToken(24);
  }

  /** {@code bytes} random bytes, URL-safe base64 without padding. */
  public static String randomToken(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return ENCODER.encodeToString(buffer);
  }

  /** Whether {@code value} looks like an id with this prefix (cheap check before a lookup). */
  public static boolean looksLike(String value, String prefix) {
    return value != null && value.startsWith(prefix + "_") && ID.matcher(value).matches();
  }

  /** Whether {@code value} looks like one of our ids, whatever its prefix. */
  public static boolean looksLikeAny(String value) {
    return value != null && ID.matcher(value).matches();
  }
}
