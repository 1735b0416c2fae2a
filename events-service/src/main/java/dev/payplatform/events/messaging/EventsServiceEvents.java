package dev.payplatform.events.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.events.domain.EventTypes;
import dev.payplatform.events.domain.StoredEvent;
import dev.payplatform.events.domain.WebhookEndpoint;
import dev.payplatform.events.service.EventLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The events events-service writes itself, into the merchant's event log (no topic): their payloads
 * (docs/events/webhooks/*.schema.json) and the one place that records them.
 */
@ApplicationScoped
public class EventsServiceEvents {
  static final String SOURCE = "/events-service";

  /** {@code webhook_endpoint.disabled}: the endpoint, its status and why it was disabled. */
  public record EndpointDisabled(String id, String url, String status, String disabledReason) {}

  /** {@code webhook.test}: which endpoint it tests, and a line for whoever reads it. */
  public record WebhookTest(String endpointId, String message) {}

  static final String TEST_MESSAGE =
      "A test event from payplatform: your endpoint receives events.";

  private final EventLog log;
  private final ObjectMapper json;

  public EventsServiceEvents(EventLog log, ObjectMapper json) {
    this.log = log;
    this.json = json;
  }

  /**
   * Records that {@code endpoint} was disabled; the merchant's other endpoints that want it get it.
   */
  public Uni<Void> endpointDisabled(WebhookEndpoint endpoint, Instant now) {
    EndpointDisabled data =
        new EndpointDisabled(
            endpoint.id, endpoint.url, endpoint.status.wire(), endpoint.disabledReason);
    return log.record(
            new EventLog.NewEvent(
                Ids.newId(StoredEvent.ID_PREFIX),
                new Tenant(endpoint.merchantId, endpoint.livemode),
                EventTypes.ENDPOINT_DISABLED,
                SOURCE,
                endpoint.id,
                null,
                now,
                json.valueToTree(data)),
            EventLog.subscribedTo(EventTypes.ENDPOINT_DISABLED)
                .and(other -> !other.id().equals(endpoint.id)))
        .replaceWithVoid();
  }

  /** Records a {@code webhook.test} event for {@code endpoint} only; answers the event's id. */
  public Uni<String> webhookTest(Tenant tenant, WebhookEndpoint endpoint, Instant now) {
    String eventId = Ids.newId(StoredEvent.ID_PREFIX);
    return log.record(
            new EventLog.NewEvent(
                eventId,
                tenant,
                EventTypes.TEST,
                SOURCE,
                endpoint.id,
                null,
                now,
                json.valueToTree(new WebhookTest(endpoint.id, TEST_MESSAGE))),
            other -> other.id().equals(endpoint.id))
        .replaceWith(eventId);
  }
}
