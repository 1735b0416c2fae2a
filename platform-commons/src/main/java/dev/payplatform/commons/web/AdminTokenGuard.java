package dev.payplatform.commons.web;

import dev.payplatform.commons.errors.ErrorBodies;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards a service's operator API ({@code /admin/**}) with the operators' admin token (a config
 * value from a Secret). Both sides are hashed and the digests compared in constant time, so neither
 * the token's content nor its length leaks through timing. A service's request filter delegates to
 * {@link #check}.
 */
public final class AdminTokenGuard {
  /** A token nobody knows (random per process): a guard built with it refuses every request. */
  public static final String UNUSABLE = randomToken();

  private final byte[] expectedDigest;

  /**
   * @param property the config property the token came from, named in the start-up error
   */
  public AdminTokenGuard(String property, String adminToken) {
    if (adminToken == null || adminToken.length() < 16) {
      throw new IllegalStateException(property + " must be set (at least 16 characters)");
    }
    this.expectedDigest = sha256(adminToken);
  }

  /**
   * A guard for an optional token: without one (or with one under 16 characters) every operator
   * call is refused, and the service still starts.
   */
  public static AdminTokenGuard ofOptional(String property, java.util.Optional<String> adminToken) {
    return new AdminTokenGuard(property, adminToken.filter(t -> t.length() >= 16).orElse(UNUSABLE));
  }

  /** Null when the request may go on (not an operator path, or the right token), else a 401. */
  public Response check(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.equals("/admin") && !path.startsWith("/admin/")) {
      return null;
    }
    String header = request.getHeaderString("Authorization");
    String presented =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : "";
    if (MessageDigest.isEqual(expectedDigest, sha256(presented))) {
      return null;
    }
    return Response.status(401)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBodies.Detail("Invalid admin token."))
        .build();
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
