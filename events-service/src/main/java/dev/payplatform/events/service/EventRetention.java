package dev.payplatform.events.service;

import dev.payplatform.commons.config.RetentionConfig;
import dev.payplatform.commons.retention.RetentionSweep;
import dev.payplatform.events.config.EventsConfig;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/**
 * Deletes events past {@code events.retention.events} with their object index, deliveries and
 * attempts (all cascade from the event). An event whose delivery is still being retried stays until
 * that delivery ends. Each subject's last sequence number ({@code object_sequence}) is kept, so an
 * object's next event still numbers after the ones receivers saw.
 */
@Singleton
public class EventRetention extends RetentionSweep {
  private static final String DELETE =
      "delete from event where id in (select e.id from event e where e.created_at < ?1"
          + " and not exists (select 1 from delivery d where d.event_id = e.id"
          + " and d.status = 'pending')"
          + " order by e.created_at limit ?2 for update skip locked)";

  public EventRetention(InstantSource clock, EventsConfig events, RetentionConfig config) {
    super(new Batch("retention-events", events.retention().events(), DELETE), clock, config);
  }
}
