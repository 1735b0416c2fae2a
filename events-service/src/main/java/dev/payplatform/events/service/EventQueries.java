package dev.payplatform.events.service;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.CreatedRange;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.events.domain.Delivery;
import dev.payplatform.events.domain.DeliveryAttempt;
import dev.payplatform.events.domain.EventNotFound;
import dev.payplatform.events.domain.EventTypePatterns;
import dev.payplatform.events.domain.StoredEvent;
import dev.payplatform.events.domain.WebhookEndpoint;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads of a merchant's event log, an event's deliveries and an endpoint's attempts. */
@ApplicationScoped
public class EventQueries {

  /** A list's filters; null means none. */
  public record Filter(String type, String objectId, CreatedRange created) {}

  /** An event and its deliveries to the merchant's endpoints. */
  public record EventWithDeliveries(StoredEvent event, List<Delivery> deliveries) {}

  @WithSession
  public Uni<Page<StoredEvent>> list(Tenant tenant, Filter filter, PageRequest page) {
    String where = Tenant.WHERE;
    Parameters params = tenant.parameters();
    if (filter.type() != null) {
      if (filter.type().endsWith("*")) {
        where += " and type like :type escape '\\'";
        params = params.and("type", EventTypePatterns.likeOperand(filter.type()));
      } else {
        where += " and type = :type";
        params = params.and("type", filter.type());
      }
    }
    if (filter.objectId() != null) {
      where +=
          " and id in (select o.eventId from EventObject o where o.objectId = :objectId"
              + " and o.merchantId = :merchantId and o.livemode = :livemode)";
      params = params.and("objectId", filter.objectId());
    }
    where += filter.created().where();
    params = filter.created().bind(params);
    return Pages.of(StoredEvent.find(where, Pages.NEWEST_FIRST, params), page);
  }

  @WithSession
  public Uni<EventWithDeliveries> get(Tenant tenant, String id) {
    return event(tenant, id)
        .chain(
            e ->
                Delivery.<Delivery>list(
                        Tenant.WHERE + " and eventId = :id",
                        Sort.ascending("createdAt", "id"),
                        tenant.parameters("id", id))
                    .map(deliveries -> new EventWithDeliveries(e, deliveries)));
  }

  /** The event, if it is the tenant's; otherwise {@link EventNotFound}. */
  public static Uni<StoredEvent> event(Tenant tenant, String id) {
    if (!Ids.looksLike(id, StoredEvent.ID_PREFIX)) {
      return Uni.createFrom().failure(new EventNotFound(id));
    }
    return StoredEvent.<StoredEvent>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new EventNotFound(id));
  }

  /** An endpoint's attempts, newest first, with the type of the event each carried. */
  @WithSession
  public Uni<Page<AttemptWithType>> attempts(
      Tenant tenant, WebhookEndpoint endpoint, PageRequest page) {
    return Pages.of(
            DeliveryAttempt.<DeliveryAttempt>find(
                Tenant.WHERE + " and endpointId = :endpointId",
                Sort.descending("attemptedAt", "id"),
                tenant.parameters("endpointId", endpoint.id)),
            page)
        .chain(
            attempts -> {
              List<String> eventIds =
                  attempts.items().stream().map(a -> a.eventId).distinct().toList();
              if (eventIds.isEmpty()) {
                return Uni.createFrom().item(attempts.map(a -> new AttemptWithType(a, null)));
              }
              return StoredEvent.<StoredEvent>list(
                      Tenant.WHERE + " and id in :ids", tenant.parameters("ids", eventIds))
                  .map(
                      events ->
                          attempts.map(
                              a ->
                                  new AttemptWithType(
                                      a,
                                      events.stream()
                                          .filter(e -> e.id.equals(a.eventId))
                                          .map(e -> e.type)
                                          .findFirst()
                                          .orElse(null))));
            });
  }

  /** An attempt and the type of its event. */
  public record AttemptWithType(DeliveryAttempt attempt, String eventType) {}
}
