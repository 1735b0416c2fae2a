package dev.payplatform.edge.proxy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The spellings a proxied path may not have. The route table matches the path as it arrives and the
 * edge forwards it unchanged, so the path must already be in its one canonical form: otherwise a
 * service that decodes percent-encoding or resolves dot segments would see another path than the
 * edge matched ({@code /checkout/%2e%2e/q/metrics} reaching a service's {@code /q/metrics}). Every
 * id and path the public API has is made of unreserved characters, so anything else is refused
 * (400) rather than normalised: nothing is lost and nothing needs to be decoded.
 */
final class PathGuard {
  // RFC 3986 unreserved characters and the segment separator; nothing percent-encoded, no ';'
  // parameters, no backslash, no control characters.
  private static final Pattern CANONICAL = Pattern.compile("/[A-Za-z0-9._~/-]*");

  private PathGuard() {}

  /** Why {@code rawPath} is refused, or empty when it is canonical. */
  static Optional<String> refusal(String rawPath) {
    if (rawPath == null || !CANONICAL.matcher(rawPath).matches()) {
      return Optional.of(
          "The path may contain only letters, digits, '-', '.', '_', '~' and '/': no"
              + " percent-encoding, parameters or backslashes.");
    }
    if (rawPath.contains("//")) {
      return Optional.of("The path may not contain empty segments ('//').");
    }
    for (String segment : rawPath.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("The path may not contain '.' or '..' segments.");
      }
    }
    return Optional.empty();
  }
}
