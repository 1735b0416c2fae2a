package dev.payplatform.events.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.domain.Delivery;
import dev.payplatform.events.domain.DeliveryAttempt;
import dev.payplatform.events.domain.StoredEvent;
import dev.payplatform.events.domain.WebhookEndpoint;
import dev.payplatform.events.service.EventQueries;
import java.time.Instant;
import java.util.List;

/** How the API shows events, endpoints, deliveries and attempts. */
public final class Views {
  private Views() {}

  private static String time(Instant t) {
    return t == null ? null : Timestamps.format(t);
  }

  /** An event; {@code deliveries} only on {@code GET /v1/events/{id}}. */
  public record EventView(
      String id,
      String object,
      String type,
      boolean livemode,
      String subject,
      long sequence,
      String source,
      String requestId,
      String createdAt,
      @JsonRawValue String data,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<DeliveryView> deliveries) {

    public static EventView of(StoredEvent e) {
      return of(e, null);
    }

    public static EventView of(StoredEvent e, List<Delivery> deliveries) {
      return new EventView(
          e.id,
          "event",
          e.type,
          e.livemode,
          e.subject,
          e.sequence,
          e.source,
          e.requestId,
          time(e.createdAt),
          e.data,
          deliveries == null ? null : deliveries.stream().map(DeliveryView::of).toList());
    }

    public static EventView of(EventQueries.EventWithDeliveries e) {
      return of(e.event(), e.deliveries());
    }
  }

  /** One event to one endpoint. */
  public record DeliveryView(
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
    public static DeliveryView of(Delivery d) {
      return new DeliveryView(
          d.id,
          "webhook_delivery",
          d.eventId,
          d.endpointId,
          d.status.wire(),
          d.attempts,
          d.lastHttpStatus,
          d.lastError,
          time(d.lastAttemptAt),
          time(d.nextAttemptAt),
          time(d.createdAt));
    }
  }

  /** One HTTP request to an endpoint. */
  public record AttemptView(
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
    public static AttemptView of(EventQueries.AttemptWithType a) {
      DeliveryAttempt t = a.attempt();
      return new AttemptView(
          t.id,
          "webhook_attempt",
          t.deliveryId,
          t.eventId,
          a.eventType(),
          t.endpointId,
          time(t.attemptedAt),
          t.httpStatus,
          t.latencyMs,
          t.responseBody,
          t.error,
          t.outcome.wire(),
          time(t.nextRetryAt));
    }
  }

  /** An endpoint; {@code secret} only in the answer that created or rotated it. */
  public record EndpointView(
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
    public static EndpointView of(WebhookEndpoint e) {
      return of(e, null);
    }

    public static EndpointView of(WebhookEndpoint e, String secret) {
      return new EndpointView(
          e.id,
          "webhook_endpoint",
          e.url,
          e.description,
          List.of(e.enabledEvents),
          e.status.wire(),
          e.disabledReason,
          e.livemode,
          secret,
          time(e.previousSecretExpiresAt),
          time(e.createdAt),
          time(e.updatedAt));
    }
  }

  /** The answer to a delete. */
  public record Deleted(String id, String object, boolean deleted) {}
}
