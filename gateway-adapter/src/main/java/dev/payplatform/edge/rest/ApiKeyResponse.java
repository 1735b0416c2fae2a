package dev.payplatform.edge.rest;

import dev.payplatform.edge.domain.ApiKey;
import java.time.Instant;

/** A key as a dashboard may show it: prefix and last 4 only. */
public record ApiKeyResponse(
    String id,
    String object,
    String mode,
    String prefix,
    String last4,
    String status,
    String createdAt,
    String expiresAt,
    String revokedAt) {

  /** The key and its status at {@code now} (a rolled key past its grace reads "expired"). */
  public static ApiKeyResponse of(ApiKey k, Instant now) {
    return new ApiKeyResponse(
        k.id,
        "api_key",
        k.livemode ? "live" : "test",
        k.prefix,
        k.last4,
        k.statusAt(now),
        k.createdAt.toString(),
        k.expiresAt == null ? null : k.expiresAt.toString(),
        k.revokedAt == null ? null : k.revokedAt.toString());
  }
}
