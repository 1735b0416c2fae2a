package dev.payplatform.edge.console.service;

import dev.payplatform.commons.config.RetentionConfig;
import dev.payplatform.commons.retention.RetentionSweep;
import dev.payplatform.edge.config.EdgeConfig;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/**
 * Deletes console invites {@code edge.retention.console-invites} after they expired (used and
 * revoked ones too: an invite's expiry is always its last day of use).
 */
@Singleton
public class ConsoleInviteRetention extends RetentionSweep {
  private static final String DELETE =
      "delete from console_invite where id in (select id from console_invite"
          + " where expires_at < ?1 limit ?2 for update skip locked)";

  public ConsoleInviteRetention(InstantSource clock, EdgeConfig edge, RetentionConfig config) {
    super(
        new Batch("retention-console-invites", edge.retention().consoleInvites(), DELETE),
        clock,
        config);
  }
}
