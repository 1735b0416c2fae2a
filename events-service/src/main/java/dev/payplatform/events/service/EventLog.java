package dev.payplatform.events.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.domain.Delivery;
import dev.payplatform.events.domain.EndpointStatus;
import dev.payplatform.events.domain.StoredEvent;
import dev.payplatform.events.domain.WebhookEndpoint;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Writes a merchant's event into its log, with its place in its object's stream, and records a
 * delivery for every endpoint that wants it: all in the caller's transaction, so an event is never
 * in the log without its deliveries (a crash between the two cannot lose one).
 */
@ApplicationScoped
public class EventLog {
  private static final Pattern OBJECT_ID = Pattern.compile("[a-z]{1,8}_[A-Za-z0-9_-]{16,64}");
  private static final String NEXT_SEQUENCE =
      "insert into object_sequence (merchant_id, livemode, object_id, last_value)"
          + " values (?1, ?2, ?3, 1) on conflict (merchant_id, livemode, object_id)"
          + " do update set last_value = object_sequence.last_value + 1 returning last_value";
  private static final String INSERT_OBJECT =
      "insert into event_object (object_id, event_id, merchant_id, livemode)"
          + " values (?1, ?2, ?3, ?4) on conflict do nothing";

  private final InstantSource clock;

  public EventLog(InstantSource clock) {
    this.clock = clock;
  }

  /** An event to keep: the CloudEvent's attributes and its data. */
  public record NewEvent(
      String id,
      Tenant tenant,
      String type,
      String source,
      String subject,
      String requestId,
      Instant createdAt,
      JsonNode data) {}

  /** The endpoints an event of {@code type} goes to: those whose {@code enabled_events} match. */
  public static Predicate<WebhookEndpoint> subscribedTo(String type) {
    return endpoint -> endpoint.wants(type);
  }

  /**
   * Keeps {@code event} and records a delivery to each enabled endpoint of its tenant that {@code
   * receives} picks. Answers the stored event, or null when it was already kept (a redelivery).
   */
  public Uni<StoredEvent> record(NewEvent event, Predicate<WebhookEndpoint> receives) {
    Instant now = Timestamps.now(clock);
    return StoredEvent.<StoredEvent>findById(event.id())
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().nullItem();
              }
              String stream = event.subject() == null ? event.id() : event.subject();
              return nextSequence(event.tenant(), stream)
                  .chain(sequence -> store(event, sequence, now))
                  .call(stored -> index(stored, objectIds(event)))
                  .call(stored -> fanOut(stored, receives, now));
            });
  }

  private Uni<Long> nextSequence(Tenant tenant, String objectId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(NEXT_SEQUENCE, Long.class)
                    .setParameter(1, tenant.merchantId())
                    .setParameter(2, tenant.livemode())
                    .setParameter(3, objectId)
                    .getSingleResult());
  }

  private Uni<StoredEvent> store(NewEvent event, long sequence, Instant now) {
    StoredEvent e = new StoredEvent();
    e.id = event.id();
    e.merchantId = event.tenant().merchantId();
    e.livemode = event.tenant().livemode();
    e.type = event.type();
    e.source = event.source() == null ? "unknown" : event.source();
    e.subject = event.subject();
    e.requestId = event.requestId();
    e.createdAt = event.createdAt() == null ? now : event.createdAt();
    e.receivedAt = now;
    e.sequence = sequence;
    e.data = event.data().toString();
    // Flushed now: the native inserts that follow reference the row.
    return e.persistAndFlush();
  }

  private Uni<Void> index(StoredEvent e, Set<String> ids) {
    return Panache.getSession()
        .chain(
            s ->
                Multi.createFrom()
                    .iterable(ids)
                    .onItem()
                    .transformToUniAndConcatenate(
                        id ->
                            s.createNativeQuery(INSERT_OBJECT)
                                .setParameter(1, id)
                                .setParameter(2, e.id)
                                .setParameter(3, e.merchantId)
                                .setParameter(4, e.livemode)
                                .executeUpdate())
                    .collect()
                    .last()
                    .replaceWithVoid());
  }

  private Uni<Void> fanOut(StoredEvent e, Predicate<WebhookEndpoint> receives, Instant now) {
    return WebhookEndpoint.<WebhookEndpoint>list(
            Tenant.WHERE + " and status = :status",
            new Tenant(e.merchantId, e.livemode).parameters("status", EndpointStatus.ENABLED))
        .chain(
            endpoints -> {
              List<Delivery> deliveries =
                  endpoints.stream()
                      .filter(receives)
                      .map(ep -> Delivery.due(Ids.newId(Delivery.ID_PREFIX), e.id, ep, now))
                      .toList();
              return deliveries.isEmpty()
                  ? Uni.createFrom().voidItem()
                  : Delivery.persist(deliveries);
            });
  }

  /**
   * The ids the event is about: its subject and every {@code id} or {@code *_id} field of its data
   * (at the top level and one object down, e.g. a charge's {@code card} is not an id but a
   * session's {@code payment_intent_id} is) that looks like one of ours.
   */
  static Set<String> objectIds(NewEvent event) {
    Set<String> ids = new LinkedHashSet<>();
    if (event.subject() != null && OBJECT_ID.matcher(event.subject()).matches()) {
      ids.add(event.subject());
    }
    collect(event.data(), ids, 0);
    return ids;
  }

  private static void collect(JsonNode node, Set<String> ids, int depth) {
    if (node == null || !node.isObject() || depth > 1) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode v = f.getValue();
      boolean idField = f.getKey().equals("id") || f.getKey().endsWith("_id");
      if (idField && v.isTextual() && OBJECT_ID.matcher(v.asText()).matches()) {
        ids.add(v.asText());
      } else if (v.isObject()) {
        collect(v, ids, depth + 1);
      }
    }
  }
}
