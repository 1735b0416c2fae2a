package dev.payplatform.edge.proxy;

import dev.payplatform.edge.service.InternalTokens;
import dev.payplatform.edge.service.KeyPrincipal;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Step 7: the internal RS256 JWT that tells the owning service the merchant, mode and gateway
 * account (docs/decisions/0004); cached per principal until shortly before it expires. A public
 * route forwards without one.
 */
@Singleton
class SignToken implements Handler<RoutingContext> {
  private final InternalTokens tokens;

  SignToken(InternalTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext rc) {
    EdgeExchange exchange = EdgeExchange.of(rc);
    KeyPrincipal principal = exchange.principal();
    if (principal == null) {
      rc.next();
      return;
    }
    tokens
        .tokenFor(principal)
        .subscribe()
        .with(
            token -> {
              exchange.token(token);
              rc.next();
            },
            failure -> EdgeResponses.dependencyFailure(rc, "token signing", failure));
  }
}
