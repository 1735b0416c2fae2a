package dev.payplatform.edge.console.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.service.KeyPrincipal;

/**
 * A signed-in console user, as one request sees it: who, for which merchant, in which mode, and the
 * CSRF token their state-changing requests must carry.
 */
public record ConsoleSession(
    String sessionId,
    String userId,
    String email,
    ConsoleRole role,
    String merchantId,
    String merchantName,
    String gatewayAccountId,
    Integer rateLimitTest,
    Integer rateLimitLive,
    Mode mode,
    String csrfToken) {

  /**
   * The same principal a secret key yields, so the services see an ordinary internal JWT. Its key
   * id is the session's id: rate limits and cached tokens are per session.
   */
  public KeyPrincipal principal() {
    return new KeyPrincipal(
        sessionId,
        merchantId,
        mode,
        merchantName,
        gatewayAccountId,
        mode == Mode.LIVE ? rateLimitLive : rateLimitTest,
        null);
  }
}
