package dev.payplatform.checkout.rest;

import dev.payplatform.checkout.config.PlatformSecrets;
import dev.payplatform.commons.web.AdminTokenGuard;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards checkout's operator API ({@code /admin/**}: gateway accounts) with {@code
 * platform.admin-token}. Without a configured token every operator call is refused.
 */
public class GatewayAccountAdminFilter {
  private final AdminTokenGuard guard;

  public GatewayAccountAdminFilter(PlatformSecrets platform) {
    this.guard = AdminTokenGuard.ofOptional("platform.admin-token", platform.adminToken());
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
    return guard.check(request);
  }
}
