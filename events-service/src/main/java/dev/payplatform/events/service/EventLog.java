package dev.payplatform.events.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.commons.tracing.TraceParents;
import dev.payplatform.events.domain.Delivery;
import dev.payplatform.events.domain.Subscriber;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes a merchant's event into its log, with its place in its object's stream, and records a
 * delivery for every endpoint that wants it: all in the caller's transaction, so an event is never
 * in the log without its deliveries (a crash between the two cannot lose one).
 */
@ApplicationScoped
public class EventLog {
  // Plain statements, no managed entities: a consumer's batch records hundreds of events in one
  // transaction, and a session full of entities would be dirty-checked at every flush.
  // One statement keeps an event: its number in its subject's stream, the event, the ids it is
  // about, and it answers the tenant's enabled endpoints (one row with null ones when there are
  // none). A redelivered event gets nothing and answers no row (the inbox stops those before this;
  // a gap in a subject's numbers is harmless, a repeat would not be). The event_object rows'
  // reference to the event is checked at the statement's end, after both inserts.
  private static final String INSERT_EVENT =
      "with seq as (insert into object_sequence (merchant_id, livemode, object_id, last_value)"
          + " values (?2, ?3, ?4, 1) on conflict (merchant_id, livemode, object_id)"
          + " do update set last_value = object_sequence.last_value + 1 returning last_value),"
          + " ev as (insert into event (id, merchant_id, livemode, type, source, subject,"
          + " request_id, created_at, received_at, sequence, data)"
          + " select ?1, ?2, ?3, ?5, ?6, ?7, ?8, ?9, ?10, seq.last_value, ?11 from seq"
          + " on conflict (id) do nothing returning id),"
          + " objects as (insert into event_object (object_id, event_id, merchant_id, livemode)"
          + " select o.id, ev.id, ?2, ?3 from ev, unnest(cast(?12 as text[])) as o(id)"
          + " on conflict do nothing)"
          + " select ev.id, w.id, array_to_string(w.enabled_events, ',') from ev"
          + " left join webhook_endpoint w on w.merchant_id = ?2 and w.livemode = ?3"
          + " and w.status = 'enabled'";
  // Every delivery of an event in one statement.
  private static final String INSERT_DELIVERIES =
      "insert into delivery (id, event_id, endpoint_id, merchant_id, livemode, status,"
          + " next_attempt_at, created_at, traceparent)"
          + " select d.id, ?3, d.endpoint_id, ?4, ?5, 'pending', ?6, ?6, ?7"
          + " from unnest(cast(?1 as text[]), cast(?2 as text[])) as d(id, endpoint_id)";

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
  public static Predicate<Subscriber> subscribedTo(String type) {
    return subscriber -> subscriber.wants(type);
  }

  /**
   * Keeps {@code event} and records a delivery to each enabled endpoint of its tenant that {@code
   * receives} picks, in the caller's transaction. Answers how many deliveries it recorded (none for
   * a redelivery).
   */
  public Uni<Integer> record(NewEvent event, Predicate<Subscriber> receives) {
    OffsetDateTime now = Timestamps.now(clock).atOffset(ZoneOffset.UTC);
    String stream = event.subject() == null ? event.id() : event.subject();
    Tenant tenant = event.tenant();
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(INSERT_EVENT, Object[].class)
                    .setParameter(1, event.id())
                    .setParameter(2, tenant.merchantId())
                    .setParameter(3, tenant.livemode())
                    .setParameter(4, stream)
                    .setParameter(5, event.type())
                    .setParameter(6, event.source() == null ? "unknown" : event.source())
                    .setParameter(7, event.subject())
                    .setParameter(8, event.requestId())
                    .setParameter(
                        9,
                        event.createdAt() == null
                            ? now
                            : event.createdAt().atOffset(ZoneOffset.UTC))
                    .setParameter(10, now)
                    .setParameter(11, event.data().toString())
                    .setParameter(12, objectIds(event).toArray(String[]::new))
                    .getResultList()
                    .chain(
                        rows -> {
                          if (rows.isEmpty()) {
                            return Uni.createFrom().item(0);
                          }
                          List<Subscriber> to =
                              rows.stream()
                                  .filter(r -> r[1] != null)
                                  .map(
                                      r ->
                                          new Subscriber(
                                              (String) r[1], List.of(((String) r[2]).split(","))))
                                  .filter(receives)
                                  .toList();
                          return deliver(s, event, to, now).replaceWith(to.size());
                        }));
  }

  private static Uni<Void> deliver(
      Mutiny.Session s, NewEvent e, List<Subscriber> to, OffsetDateTime now) {
    if (to.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return s.createNativeQuery(INSERT_DELIVERIES)
        .setParameter(
            1, to.stream().map(sub -> Ids.newId(Delivery.ID_PREFIX)).toArray(String[]::new))
        .setParameter(2, to.stream().map(Subscriber::id).toArray(String[]::new))
        .setParameter(3, e.id())
        .setParameter(4, e.tenant().merchantId())
        .setParameter(5, e.tenant().livemode())
        .setParameter(6, now)
        .setParameter(7, TraceParents.current())
        .executeUpdate()
        .replaceWithVoid();
  }

  /**
   * The ids the event is about: its subject and every {@code id} or {@code *_id} field of its data
   * (at the top level and one object down, e.g. a charge's {@code card} is not an id but a
   * session's {@code payment_intent_id} is) that looks like one of ours.
   */
  static Set<String> objectIds(NewEvent event) {
    Set<String> ids = new LinkedHashSet<>();
    if (event.subject() != null && Ids.looksLikeAny(event.subject())) {
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
      if (idField && v.isTextual() && Ids.looksLikeAny(v.asText())) {
        ids.add(v.asText());
      } else if (v.isObject()) {
        collect(v, ids, depth + 1);
      }
    }
  }
}
