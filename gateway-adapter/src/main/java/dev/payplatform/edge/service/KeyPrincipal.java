package dev.payplatform.edge.service;

import dev.payplatform.commons.auth.Mode;
import java.time.Instant;

/** Who a valid secret key acts for, as the edge caches it. */
public record KeyPrincipal(
    String keyId,
    String merchantId,
    Mode mode,
    String merchantName,
    String gatewayAccountId,
    Integer rateLimitOverride,
    Instant expiresAt) {

  /** A rolled key stops working at the end of its grace period, checked on every request. */
  public boolean usableAt(Instant now) {
    return expiresAt == null || now.isBefore(expiresAt);
  }
}
