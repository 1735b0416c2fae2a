package dev.payplatform.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.OutgoingEvent;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.tracing.TraceParents;
import dev.payplatform.commons.web.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appends an event to the outbox inside the caller's Hibernate Reactive transaction, so the state
 * change and its event commit or roll back together. Call it from a {@code @WithTransaction}
 * method.
 */
@ApplicationScoped
public class OutboxWriter {
  /*
   * The per-key transaction lock makes commit order equal id order for one aggregate: without it,
   * two transactions on the same key can commit in the opposite order of their ids and the relay
   * would publish them swapped (docs/decisions/0002-outbox-relay.md).
   */
  private static final String INSERT =
      "with key_lock as (select pg_advisory_xact_lock(hashtext(cast(?3 as text))))"
          + " insert into outbox_event (event_id, topic, aggregate_key, event_type, source,"
          + " subject, merchant_id, livemode, request_id, payload, traceparent)"
          + " select cast(?1 as text), cast(?2 as text), cast(?3 as text), cast(?4 as text),"
          + " cast(?5 as text), cast(?3 as text), cast(?6 as text), cast(?7 as boolean),"
          + " cast(?8 as text), cast(cast(?9 as text) as jsonb), cast(?10 as text) from key_lock";

  // The payload goes in as text and is cast to jsonb in SQL: the reactive client would encode a
  // Java String bound to a jsonb parameter as a JSON string literal, not as the document.

  private final ObjectMapper json;
  private final String source;

  public OutboxWriter(
      ObjectMapper json,
      // Quarkus's own setting, not the platform's: read as Quarkus documents it.
      @ConfigProperty(name = "quarkus.application.name") String application) {
    this.json = json;
    this.source = "/" + application;
  }

  /** Stores the event; returns its id ({@code evt_...}, the CloudEvents {@code ce_id}). */
  public Uni<String> append(OutgoingEvent event) {
    String eventId = Ids.newId("evt");
    String payload;
    try {
      payload = json.writeValueAsString(event.data());
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(new IllegalArgumentException("event data is not JSON", e));
    }
    String requestId = RequestIds.current().orElse(null);
    // The trace the event belongs to: the relay publishes it as the record's traceparent.
    String traceparent = TraceParents.current();
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(INSERT)
                    .setParameter(1, eventId)
                    .setParameter(2, event.topic())
                    .setParameter(3, event.aggregateId())
                    .setParameter(4, event.type())
                    .setParameter(5, source)
                    .setParameter(6, event.merchantId())
                    .setParameter(7, event.livemode())
                    .setParameter(8, requestId)
                    .setParameter(9, payload)
                    .setParameter(10, traceparent)
                    .executeUpdate())
        .replaceWith(eventId);
  }
}
