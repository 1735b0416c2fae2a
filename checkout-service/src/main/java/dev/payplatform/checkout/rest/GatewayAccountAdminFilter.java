package dev.payplatform.checkout.rest;

import dev.payplatform.commons.config.OperatorToken;
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

  public GatewayAccountAdminFilter(OperatorToken token) {
    this.guard = token.guard();
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
    return guard.check(request);
  }
}
