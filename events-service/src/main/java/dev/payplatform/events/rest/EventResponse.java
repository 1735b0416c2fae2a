package dev.payplatform.events.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.domain.Delivery;
import dev.payplatform.events.domain.StoredEvent;
import dev.payplatform.events.service.EventQueries;
import java.util.List;

/** An event; {@code deliveries} only on {@code GET /v1/events/{id}}. */
public record EventResponse(
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
    @JsonInclude(JsonInclude.Include.NON_NULL) List<WebhookDeliveryResponse> deliveries) {

  public static EventResponse of(StoredEvent e) {
    return of(e, null);
  }

  public static EventResponse of(StoredEvent e, List<Delivery> deliveries) {
    return new EventResponse(
        e.id,
        "event",
        e.type,
        e.livemode,
        e.subject,
        e.sequence,
        e.source,
        e.requestId,
        Timestamps.format(e.createdAt),
        e.data,
        deliveries == null ? null : deliveries.stream().map(WebhookDeliveryResponse::of).toList());
  }

  public static EventResponse of(EventQueries.EventWithDeliveries e) {
    return of(e.event(), e.deliveries());
  }
}
