package dev.payplatform.billing.rest;

import dev.payplatform.commons.config.OperatorToken;
import dev.payplatform.commons.web.AdminTokenGuard;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards billing-service's operator API ({@code /admin/**}: the operator's subscription clock) with
 * {@code platform.admin-token}; without one configured every call is refused (the service still
 * starts).
 */
public class BillingAdminFilter {
  private final AdminTokenGuard guard;

  public BillingAdminFilter(OperatorToken token) {
    this.guard = token.guard();
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
    return guard.check(request);
  }
}
