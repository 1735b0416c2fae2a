package dev.payplatform.events.service;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.commons.tracing.TraceParents;
import dev.payplatform.events.domain.Delivery;
import dev.payplatform.events.domain.EndpointStatus;
import dev.payplatform.events.domain.StoredEvent;
import dev.payplatform.events.domain.WebhookEndpoint;
import dev.payplatform.events.messaging.EventsServiceEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** Deliveries a merchant asks for: an event again, now; or a {@code webhook.test} event. */
@ApplicationScoped
public class Resends {
  private final WebhookEndpoints endpoints;
  private final EventsServiceEvents events;
  private final DeliveryDispatcher dispatcher;
  private final ResendLimit limit;
  private final InstantSource clock;

  public Resends(
      WebhookEndpoints endpoints,
      EventsServiceEvents events,
      DeliveryDispatcher dispatcher,
      ResendLimit limit,
      InstantSource clock) {
    this.endpoints = endpoints;
    this.events = events;
    this.dispatcher = dispatcher;
    this.limit = limit;
    this.clock = clock;
  }

  /**
   * Delivers the event again now: to {@code endpointId}, or to every enabled endpoint that wants
   * it. An existing delivery starts a new series of attempts (same {@code webhook-id}), after the
   * attempt it has in flight if it has one; an endpoint created after the event gets its first.
   * Counts against the merchant's resends ({@link ResendLimit}).
   */
  public Uni<List<Delivery>> resend(Tenant tenant, String eventId, String endpointId) {
    // Woken after the commit, so the dispatcher sees the deliveries.
    return Panache.withTransaction(
            () -> limit.take(tenant).chain(() -> resendIn(tenant, eventId, endpointId)))
        .invoke(ignored -> dispatcher.wake());
  }

  private Uni<List<Delivery>> resendIn(Tenant tenant, String eventId, String endpointId) {
    Instant now = Timestamps.now(clock);
    return EventQueries.event(tenant, eventId)
        .chain(
            event ->
                targets(tenant, event, endpointId)
                    .chain(
                        targets ->
                            Multi.createFrom()
                                .iterable(targets)
                                .onItem()
                                .transformToUniAndConcatenate(ep -> again(event, ep, now))
                                .collect()
                                .asList()));
  }

  private Uni<List<WebhookEndpoint>> targets(Tenant tenant, StoredEvent event, String endpointId) {
    if (endpointId == null) {
      return WebhookEndpoint.<WebhookEndpoint>list(
              Tenant.WHERE + " and status = :status",
              tenant.parameters("status", EndpointStatus.ENABLED))
          .map(all -> all.stream().filter(ep -> ep.wants(event.type)).toList());
    }
    return endpoints
        .get(tenant, endpointId)
        .map(ep -> List.of(enabled(ep, FieldError.body("endpoint_id", disabledMessage(ep)))));
  }

  private Uni<Delivery> again(StoredEvent event, WebhookEndpoint endpoint, Instant now) {
    return Delivery.<Delivery>find("eventId = ?1 and endpointId = ?2", event.id, endpoint.id)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .chain(
            existing -> {
              if (existing != null) {
                existing.resend(now);
                return Uni.createFrom().item(existing);
              }
              return Delivery.due(
                      Ids.newId(Delivery.ID_PREFIX),
                      event.id,
                      endpoint,
                      now,
                      TraceParents.current())
                  .<Delivery>persist();
            });
  }

  /** Sends a {@code webhook.test} event to the endpoint (and only there); answers its delivery. */
  public Uni<Delivery> test(Tenant tenant, String endpointId) {
    return Panache.withTransaction(() -> testIn(tenant, endpointId))
        .invoke(ignored -> dispatcher.wake());
  }

  private Uni<Delivery> testIn(Tenant tenant, String endpointId) {
    Instant now = Timestamps.now(clock);
    return endpoints
        .get(tenant, endpointId)
        .map(ep -> enabled(ep, FieldError.invalid("path", "id", disabledMessage(ep))))
        .chain(
            (WebhookEndpoint ep) ->
                events
                    .webhookTest(tenant, ep, now)
                    .chain(
                        eventId ->
                            Delivery.<Delivery>find(
                                    "eventId = ?1 and endpointId = ?2", eventId, ep.id)
                                .<Delivery>firstResult()));
  }

  private static WebhookEndpoint enabled(WebhookEndpoint endpoint, FieldError ifNot) {
    if (endpoint.status != EndpointStatus.ENABLED) {
      throw new ValidationFailedException(ifNot);
    }
    return endpoint;
  }

  private static String disabledMessage(WebhookEndpoint endpoint) {
    return "the endpoint " + endpoint.id + " is disabled; enable it first";
  }
}
