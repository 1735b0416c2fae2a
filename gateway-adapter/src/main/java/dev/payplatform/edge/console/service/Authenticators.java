package dev.payplatform.edge.console.service;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.payplatform.commons.keys.SecretSealer;
import dev.payplatform.edge.config.EdgeConfig;
import dev.payplatform.edge.service.SecretKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Authenticator apps (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) with java-otp: new
 * secrets, their {@code otpauth://} URI and its QR code (drawn here with ZXing, as SVG: no outside
 * service sees the secret), checking a code, and the single-use recovery codes. Secrets are sealed
 * with {@code edge.console.sealing-key} for storing; recovery codes are kept as SHA-256.
 */
@ApplicationScoped
public class Authenticators {
  public static final Duration STEP = Duration.ofSeconds(30);
  public static final int RECOVERY_CODES = 10;

  private static final String ISSUER = "Payments platform";
  private static final Pattern CODE = Pattern.compile("[0-9]{6}");
  private static final Pattern RECOVERY = Pattern.compile("[a-z2-7]{5}-[a-z2-7]{5}");
  private static final Base32 BASE32 = new Base32();

  private final SecureRandom random = new SecureRandom();
  private final TimeBasedOneTimePasswordGenerator totp =
      new TimeBasedOneTimePasswordGenerator(STEP);
  private final Optional<SecretSealer> sealer;

  public Authenticators(EdgeConfig config) {
    this.sealer =
        config
            .console()
            .sealingKey()
            .filter(k -> !k.isBlank())
            .map(k -> new SecretSealer("edge.console.sealing-key (EDGE_CONSOLE_SEALING_KEY)", k));
  }

  /** Whether secrets can be sealed: without the key, enrolment is refused. */
  public boolean available() {
    return sealer.isPresent();
  }

  /** A new secret: 160 random bits, Base32 as authenticator apps take it. */
  public String newSecret() {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    return BASE32.encodeToString(bytes).replace("=", "");
  }

  public String seal(String secret) {
    return sealer.orElseThrow().seal(secret);
  }

  public String open(String sealed) {
    return sealer.orElseThrow().open(sealed);
  }

  /** The URI authenticator apps read from the QR code (Key Uri Format). */
  public static String otpauthUri(String secret, String email) {
    String label = enc(ISSUER) + ":" + enc(email);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + enc(ISSUER)
        + "&algorithm=SHA1&digits=6&period="
        + STEP.toSeconds();
  }

  /** The URI as a QR code, an SVG image in a {@code data:} URL (the console's CSP allows them). */
  public static String qrDataUrl(String uri) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  uri,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.MARGIN,
                      4,
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M));
    } catch (WriterException e) {
      throw new IllegalStateException("QR code", e);
    }
    int w = matrix.getWidth();
    int h = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
            + w
            + " "
            + h
            + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\""
            + " fill=\"#fff\"/><path fill=\"#000\" d=\""
            + path
            + "\"/></svg>";
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The 30-second step whose code {@code code} is, within one step either side of {@code now} (for
   * clocks a little apart), and after {@code lastStep}: a code works once.
   */
  public OptionalLong matchingStep(String secret, String code, Instant now, Long lastStep) {
    if (code == null || !CODE.matcher(code.strip()).matches()) {
      return OptionalLong.empty();
    }
    byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
    Key key = new SecretKeySpec(BASE32.decode(secret), "RAW");
    long current = now.getEpochSecond() / STEP.toSeconds();
    for (long step = current - 1; step <= current + 1; step++) {
      if (lastStep != null && step <= lastStep) {
        continue;
      }
      String expected;
      try {
        expected =
            totp.generateOneTimePasswordString(
                key, Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
      } catch (InvalidKeyException e) {
        throw new IllegalStateException("TOTP key", e);
      }
      if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** Whether this looks like a recovery code ({@code xxxxx-xxxxx}) rather than an app's code. */
  public static boolean isRecoveryCode(String code) {
    return code != null && RECOVERY.matcher(normalizeRecovery(code)).matches();
  }

  /** A recovery code as stored: SHA-256 of its normalized form. */
  public static byte[] recoveryHash(String code) {
    return SecretKeys.hash(normalizeRecovery(code));
  }

  /** Ten new recovery codes, 50 random bits each, shown once. */
  public List<String> newRecoveryCodes() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      byte[] bytes = new byte[7];
      random.nextBytes(bytes);
      String word = BASE32.encodeToString(bytes).toLowerCase(Locale.ROOT).substring(0, 10);
      codes.add(word.substring(0, 5) + "-" + word.substring(5));
    }
    return codes;
  }

  private static String normalizeRecovery(String code) {
    return code.strip().toLowerCase(Locale.ROOT);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
