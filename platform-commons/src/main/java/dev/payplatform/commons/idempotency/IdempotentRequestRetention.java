package dev.payplatform.commons.idempotency;

import dev.payplatform.commons.config.IdempotencyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How long a service remembers an {@code Idempotency-Key} ({@code platform.idempotency.retention},
 * 72 h): longer than the edge's 24 h, so the service's record still decides when the edge's has
 * gone. The outbox relay's leader runs {@link #purge} in its housekeeping pass, as for the inbox.
 */
@ApplicationScoped
public class IdempotentRequestRetention {
  private static final String PURGE =
      "delete from idempotent_request where created_at < now() - ? * interval '1 second'";

  private final Duration retention;

  public IdempotentRequestRetention(IdempotencyConfig config) {
    this.retention = config.retention();
  }

  /** Deletes the keys older than the retention; answers how many. */
  public int purge(Connection c) throws SQLException {
    try (PreparedStatement purge = c.prepareStatement(PURGE)) {
      purge.setLong(1, retention.toSeconds());
      return purge.executeUpdate();
    }
  }
}
