package dev.payplatform.events.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.domain.WebhookEndpoint;
import java.util.List;

/** An endpoint; {@code secret} only in the answer that created or rotated it. */
public record WebhookEndpointResponse(
    String id,
    String object,
    String url,
    String description,
    List<String> enabledEvents,
    String status,
    String disabledReason,
    boolean livemode,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
    String previousSecretExpiresAt,
    String createdAt,
    String updatedAt) {
  public static WebhookEndpointResponse of(WebhookEndpoint e) {
    return of(e, null);
  }

  public static WebhookEndpointResponse of(WebhookEndpoint e, String secret) {
    return new WebhookEndpointResponse(
        e.id,
        "webhook_endpoint",
        e.url,
        e.description,
        List.of(e.enabledEvents),
        e.status.wire(),
        e.disabledReason,
        e.livemode,
        secret,
        Timestamps.format(e.previousSecretExpiresAt),
        Timestamps.format(e.createdAt),
        Timestamps.format(e.updatedAt));
  }
}
