package dev.payplatform.edge.proxy;

import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the secret key a merchant presented: {@code X-Api-Key: sk_…}, or HTTP Basic with the key as
 * the user name and an empty password ({@code base64("sk_…:")}, also without the colon, as some
 * clients send it). Empty when the request carries no key at all.
 */
final class ApiKeyParser {
  private ApiKeyParser() {}

  static Optional<String> presentedKey(HttpServerRequest request) {
    String header = request.getHeader("X-Api-Key");
    if (header != null) {
      return Optional.of(header.strip());
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.strip();
    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String credentials =
            new String(
                Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        return Optional.of(colon >= 0 ? credentials.substring(0, colon) : credentials);
      } catch (IllegalArgumentException notBase64) {
        return Optional.of("");
      }
    }
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(value.substring(7).strip());
    }
    return Optional.of("");
  }
}
