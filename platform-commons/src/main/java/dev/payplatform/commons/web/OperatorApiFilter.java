package dev.payplatform.commons.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the operator API every service gets from platform-commons ({@code /admin/dead-letters},
 * {@code /admin/outbox}) with {@code platform.admin-token}. Without a configured token those paths
 * answer 401 to everyone. A service's own {@code /admin/**} has its own filter.
 */
public class OperatorApiFilter {
  private final AdminTokenGuard guard;

  // A leaf of the shared "platform." namespace, whose other keys belong to the services: a mapping
  // on "platform" would have to declare every service's keys, so this one is read directly.
  public OperatorApiFilter(
      @ConfigProperty(name = "platform.admin-token") Optional<String> adminToken) {
    this.guard = AdminTokenGuard.ofOptional("platform.admin-token", adminToken);
  }

  @ServerRequestFilter
  public Response requireAdminToken(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.startsWith("/admin/dead-letters") || path.startsWith("/admin/outbox")
        ? guard.check(request)
        : null;
  }
}
