package dev.payplatform.commons.config;

import dev.payplatform.commons.web.AdminTokenGuard;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code platform.admin-token}, the operators' token for every service's {@code /admin/**}. It is a
 * leaf of the shared {@code platform.} namespace, whose other keys belong to commons' and the
 * services' own mappings: a mapping on {@code platform} would have to declare all of them, so this
 * one key is read here, once for every service.
 */
@Singleton
public class OperatorToken {
  public static final String PROPERTY = "platform.admin-token";

  private final Optional<String> value;

  public OperatorToken(@ConfigProperty(name = PROPERTY) Optional<String> value) {
    this.value = value;
  }

  /** Without a token (or with one under 16 characters) every operator call is refused. */
  public AdminTokenGuard guard() {
    return AdminTokenGuard.ofOptional(PROPERTY, value);
  }

  /** For a service that must not start without the token. */
  public AdminTokenGuard requiredGuard() {
    return new AdminTokenGuard(PROPERTY, value.orElse(null));
  }
}
