package dev.payplatform.commons.web;

import dev.payplatform.commons.config.OperatorToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the operator API every service gets from platform-commons ({@code /admin/dead-letters},
 * {@code /admin/outbox}) with {@code platform.admin-token}. Without a configured token those paths
 * answer 401 to everyone. A service's own {@code /admin/**} has its own filter.
 */
public class OperatorApiFilter {
  private final AdminTokenGuard guard;

  public OperatorApiFilter(OperatorToken token) {
    this.guard = token.guard();
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.startsWith("/admin/dead-letters") || path.startsWith("/admin/outbox")
        ? guard.check(request)
        : null;
  }
}
