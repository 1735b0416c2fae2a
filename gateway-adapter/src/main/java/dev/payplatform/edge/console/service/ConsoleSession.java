package dev.payplatform.edge.console.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.console.domain.SessionStage;
import dev.payplatform.edge.service.KeyPrincipal;

/**
 * A console user's session, as one request sees it: who, for which merchant, in which mode, how far
 * they have signed in, and the CSRF token their state-changing requests must carry.
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
    String csrfToken,
    SessionStage stage,
    boolean twoFactorEnabled) {

  /** Whether the session has finished signing in and may act for the merchant. */
  public boolean signedIn() {
    return stage == SessionStage.SIGNED_IN;
  }

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
