package dev.payplatform.commons.inbox;

import dev.payplatform.commons.config.InboxConfig;
import dev.payplatform.commons.config.RetentionConfig;
import dev.payplatform.commons.retention.RetentionSweep;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/**
 * Forgets handled event ids after {@code platform.inbox.retention} (30 days): longer than any
 * redelivery can come late (topics keep 7 days, dead letters 14), so dedup never forgets an id it
 * still needs.
 */
@Singleton
public class InboxRetention extends RetentionSweep {
  private static final String DELETE =
      "delete from inbox_event where (consumer, event_id) in (select consumer, event_id"
          + " from inbox_event where processed_at < ?1 limit ?2 for update skip locked)";

  public InboxRetention(InstantSource clock, InboxConfig inbox, RetentionConfig config) {
    super(new Batch("retention-inbox", inbox.retention(), DELETE), clock, config);
  }
}
