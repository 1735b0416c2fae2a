package dev.payplatform.edge.console.service;

import dev.payplatform.commons.config.RetentionConfig;
import dev.payplatform.commons.retention.RetentionSweep;
import dev.payplatform.edge.config.EdgeConfig;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** Deletes console sessions {@code edge.retention.console-sessions} after they ended or expired. */
@Singleton
public class ConsoleSessionRetention extends RetentionSweep {
  private static final String DELETE =
      "delete from console_session where id in (select id from console_session"
          + " where expires_at < ?1 or ended_at < ?1 limit ?2 for update skip locked)";

  public ConsoleSessionRetention(InstantSource clock, EdgeConfig edge, RetentionConfig config) {
    super(
        new Batch("retention-console-sessions", edge.retention().consoleSessions(), DELETE),
        clock,
        config);
  }
}
