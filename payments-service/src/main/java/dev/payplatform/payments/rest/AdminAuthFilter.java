package dev.payplatform.payments.rest;

import dev.payplatform.commons.errors.ErrorBodies;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the operator API ({@code /admin/**}: FX rates) with {@code platform.admin-token}. Both
 * sides are hashed and the digests compared in constant time, so neither the token's content nor
 * its length leaks through timing.
 */
public class AdminAuthFilter {
  private final byte[] expectedDigest;

  public AdminAuthFilter(@ConfigProperty(name = "platform.admin-token") String adminToken) {
    if (adminToken == null || adminToken.length() < 16) {
      throw new IllegalStateException("platform.admin-token must be set (at least 16 characters)");
    }
    this.expectedDigest = sha256(adminToken);
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
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

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
