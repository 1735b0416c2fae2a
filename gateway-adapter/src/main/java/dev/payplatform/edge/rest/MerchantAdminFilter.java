package dev.payplatform.edge.rest;

import dev.payplatform.commons.web.AdminTokenGuard;
import dev.payplatform.edge.config.EdgeConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the operator API ({@code /admin/**}: merchants, their keys and console users) with {@code
 * edge.admin-token}.
 */
public class MerchantAdminFilter {
  private final AdminTokenGuard guard;

  public MerchantAdminFilter(EdgeConfig config) {
    this.guard = new AdminTokenGuard("edge.admin-token", config.adminToken());
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
    return guard.check(request);
  }
}
