package dev.payplatform.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's metrics: rows published, and the gauges operators alert on ({@code outbox_pending},
 * {@code outbox_parked}, {@code outbox_lag_seconds}, {@code outbox_relay_leader}). Apart from the
 * publishing loop, which only reports to them: their names and the query behind the gauges are what
 * dashboards and alerts rely on.
 *
 * <p>The meters are registered when this is built, with the relay, so they exist even while the
 * relay is disabled or a follower. Micrometer holds gauge values weakly: this object keeps them.
 */
final class OutboxRelayMetrics {
  private final Counter published;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private final AtomicLong lagSeconds = new AtomicLong();
  private final AtomicLong leader = new AtomicLong();

  OutboxRelayMetrics(MeterRegistry metrics) {
    this.published = metrics.counter("outbox.published");
    metrics.gauge("outbox.pending", pending);
    metrics.gauge("outbox.parked", parked);
    // Age of the oldest row waiting to be published (parked rows are outbox_parked's business).
    metrics.gauge("outbox.lag.seconds", lagSeconds);
    metrics.gauge("outbox.relay.leader", leader);
  }

  void countPublished(int rows) {
    published.increment(rows);
  }

  void setLeader(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  boolean isLeader() {
    return leader.get() == 1;
  }

  /** Reads the pending, parked and lag gauges from the outbox table. */
  void refresh(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select count(*), count(*) filter (where parked_at is not null),"
                    + " coalesce(extract(epoch from now() - min(occurred_at) filter"
                    + " (where parked_at is null)), 0)"
                    + " from outbox_event where published_at is null")) {
      if (rs.next()) {
        pending.set(rs.getLong(1));
        parked.set(rs.getLong(2));
        lagSeconds.set(rs.getLong(3));
      }
    }
  }
}
