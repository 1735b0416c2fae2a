package dev.payplatform.commons.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumer-side dedup: records an event id in the handler's own transaction. A redelivered event
 * finds its id already there and is skipped, so its effect happens once.
 */
@ApplicationScoped
public class Inbox {
  private static final String CLAIM =
      "insert into inbox_event (consumer, event_id) values (?1, ?2) on conflict do nothing";

  /**
   * Claims {@code eventId} for {@code consumer}; true the first time, false for a redelivery. Call
   * inside the {@code @WithTransaction} that applies the effect, so a rollback un-claims it.
   */
  public Uni<Boolean> claim(String consumer, String eventId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(CLAIM)
                    .setParameter(1, consumer)
                    .setParameter(2, eventId)
                    .executeUpdate())
        .map(rows -> rows == 1);
  }
}
