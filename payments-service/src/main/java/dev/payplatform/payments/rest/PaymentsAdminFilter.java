package dev.payplatform.payments.rest;

import dev.payplatform.commons.config.OperatorToken;
import dev.payplatform.commons.web.AdminTokenGuard;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards payments-service's operator API ({@code /admin/**}: FX rates, ledger verification) with
 * {@code platform.admin-token}.
 */
public class PaymentsAdminFilter {
  private final AdminTokenGuard guard;

  public PaymentsAdminFilter(OperatorToken token) {
    this.guard = token.requiredGuard();
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
    return guard.check(request);
  }
}
