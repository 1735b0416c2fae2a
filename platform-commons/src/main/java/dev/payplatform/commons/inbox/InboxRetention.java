package dev.payplatform.commons.inbox;

import dev.payplatform.commons.config.InboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How long the inbox remembers a handled event id ({@code platform.inbox.retention}, 30 days):
 * longer than any redelivery can come late, so dedup never forgets an id it still needs. The outbox
 * relay's leader runs {@link #purge} in its housekeeping pass, so one replica per database deletes,
 * on the connection it already holds.
 */
@ApplicationScoped
public class InboxRetention {
  private static final String PURGE =
      "delete from inbox_event where processed_at < now() - ? * interval '1 second'";

  private final Duration retention;

  public InboxRetention(InboxConfig config) {
    this.retention = config.retention();
  }

  /** Deletes the ids older than the retention; answers how many. */
  public int purge(Connection c) throws SQLException {
    try (PreparedStatement purge = c.prepareStatement(PURGE)) {
      purge.setLong(1, retention.toSeconds());
      return purge.executeUpdate();
    }
  }
}
