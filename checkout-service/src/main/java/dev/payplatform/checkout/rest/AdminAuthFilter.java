package dev.payplatform.checkout.rest;

import dev.payplatform.commons.web.AdminTokenGuard;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards checkout's operator API ({@code /admin/**}: gateway accounts) with {@code
 * platform.admin-token}. Without a configured token every operator call is refused.
 */
public class AdminAuthFilter {
  private final AdminTokenGuard guard;

  public AdminAuthFilter(
      @ConfigProperty(name = "platform.admin-token") Optional<String> adminToken) {
    this.guard = AdminTokenGuard.ofOptional("platform.admin-token", adminToken);
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
    return guard.check(request);
  }
}
