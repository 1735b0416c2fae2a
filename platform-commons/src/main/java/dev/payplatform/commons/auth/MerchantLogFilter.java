package dev.payplatform.commons.auth;

import dev.payplatform.commons.web.LogContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Puts the merchant and mode of the edge's JWT into the log context of the request. */
public class MerchantLogFilter {
  private final JsonWebToken jwt;

  public MerchantLogFilter(JsonWebToken jwt) {
    this.jwt = jwt;
  }

  @ServerRequestFilter
  public void tagLogs(ContainerRequestContext request) {
    try {
      if (jwt != null && jwt.getSubject() != null) {
        Object mode = jwt.getClaim(InternalClaims.MODE);
        LogContext.merchant(jwt.getSubject(), mode == null ? null : mode.toString());
      }
    } catch (RuntimeException noTokenOnThisRequest) {
      // A public route (a buyer's page or call): nothing to add.
    }
  }
}
