package dev.payplatform.edge.audit.service;

import dev.payplatform.commons.config.RetentionConfig;
import dev.payplatform.commons.retention.RetentionSweep;
import dev.payplatform.edge.config.EdgeConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Deletes audit events older than {@code edge.retention.audit-events}. The table refuses every
 * change, so each batch first declares the retention for its own transaction; the table's trigger
 * then lets it delete rows older than that and nothing younger.
 */
@Singleton
public class AuditEventRetention extends RetentionSweep {
  private static final String DELETE =
      "delete from audit_event where id in (select id from audit_event where created_at < ?1"
          + " limit ?2 for update skip locked)";

  private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

  public AuditEventRetention(InstantSource clock, EdgeConfig edge, RetentionConfig config) {
    super(batch(edge.retention().auditEvents()), clock, config);
  }

  private static Batch batch(Duration kept) {
    // Whole seconds, as PostgreSQL's interval reads them, a minute short of the cutoff: the trigger
    // compares with the database's clock, which may lag this one, and the delete itself only
    // chooses rows past the cutoff.
    long declared = Math.max(0, kept.minus(CLOCK_MARGIN).toSeconds());
    String declare =
        "select set_config('payplatform.audit_retention', '" + declared + " seconds', true)";
    return new Batch("retention-audit-events", kept, DELETE, declare);
  }
}
