package dev.payplatform.commons.outbox;

import dev.payplatform.commons.config.OutboxConfig;
import dev.payplatform.commons.config.RetentionConfig;
import dev.payplatform.commons.retention.RetentionSweep;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/**
 * Deletes published outbox rows after {@code platform.outbox.published-retention} (7 days, what the
 * topics keep). Unpublished rows are never touched, however old.
 */
@Singleton
public class OutboxRetention extends RetentionSweep {
  private static final String DELETE =
      "delete from outbox_event where id in (select id from outbox_event"
          + " where published_at < ?1 limit ?2 for update skip locked)";

  public OutboxRetention(InstantSource clock, OutboxConfig outbox, RetentionConfig config) {
    super(new Batch("retention-outbox", outbox.publishedRetention(), DELETE), clock, config);
  }
}
