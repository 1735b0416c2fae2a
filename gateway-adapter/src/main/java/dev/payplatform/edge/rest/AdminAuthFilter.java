package dev.payplatform.edge.rest;

import dev.payplatform.commons.web.AdminTokenGuard;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the operator API ({@code /admin/**}: merchants and keys) with {@code edge.admin-token}.
 */
public class AdminAuthFilter {
  private final AdminTokenGuard guard;

  public AdminAuthFilter(@ConfigProperty(name = "edge.admin-token") String adminToken) {
    this.guard = new AdminTokenGuard("edge.admin-token", adminToken);
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
    return guard.check(request);
  }
}
