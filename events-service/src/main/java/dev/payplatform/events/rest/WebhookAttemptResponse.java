package dev.payplatform.events.rest;

import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.domain.DeliveryAttempt;
import dev.payplatform.events.service.EventQueries;

/** One HTTP request to an endpoint. */
public record WebhookAttemptResponse(
    String id,
    String object,
    String deliveryId,
    String eventId,
    String eventType,
    String endpointId,
    String attemptedAt,
    Integer httpStatus,
    int latencyMs,
    String responseBody,
    String error,
    String outcome,
    String nextRetryAt) {
  public static WebhookAttemptResponse of(EventQueries.AttemptWithType a) {
    DeliveryAttempt t = a.attempt();
    return new WebhookAttemptResponse(
        t.id,
        "webhook_attempt",
        t.deliveryId,
        t.eventId,
        a.eventType(),
        t.endpointId,
        Timestamps.format(t.attemptedAt),
        t.httpStatus,
        t.latencyMs,
        t.responseBody,
        t.error,
        t.outcome.wire(),
        Timestamps.format(t.nextRetryAt));
  }
}
