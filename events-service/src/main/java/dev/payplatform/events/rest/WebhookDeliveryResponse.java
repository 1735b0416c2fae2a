package dev.payplatform.events.rest;

import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.domain.Delivery;

/** One event to one endpoint. */
public record WebhookDeliveryResponse(
    String id,
    String object,
    String eventId,
    String endpointId,
    String status,
    int attempts,
    Integer lastHttpStatus,
    String lastError,
    String lastAttemptAt,
    String nextAttemptAt,
    String createdAt) {
  public static WebhookDeliveryResponse of(Delivery d) {
    return new WebhookDeliveryResponse(
        d.id,
        "webhook_delivery",
        d.eventId,
        d.endpointId,
        d.status.wire(),
        d.attempts,
        d.lastHttpStatus,
        d.lastError,
        Timestamps.format(d.lastAttemptAt),
        Timestamps.format(d.nextAttemptAt),
        Timestamps.format(d.createdAt));
  }
}
