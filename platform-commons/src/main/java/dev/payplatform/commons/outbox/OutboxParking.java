package dev.payplatform.commons.outbox;

import dev.payplatform.commons.outbox.OutboxRelay.ParkedRow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Parking: the outbox rows Kafka refuses for good, set aside after a few attempts so the rest of
 * the outbox flows on, and the operators' listing and replay of them. Apart from the publishing
 * loop because it is a separate state of a row with its own audience: the loop only records a
 * refusal, operators act on what is parked ({@link OutboxAdminResource}).
 */
final class OutboxParking {
  // Logged under the relay's category: log settings and searches for the relay cover parking too.
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final String RECORD_FAILURE =
      "update outbox_event set attempts = attempts + 1, last_error = ?,"
          + " parked_at = case when attempts + 1 >= ? then now() end where id = ?";

  private final String jdbcUrl;
  private final String username;
  private final String password;
  private final int maxAttempts;

  OutboxParking(String jdbcUrl, String username, String password, int maxAttempts) {
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
    this.maxAttempts = maxAttempts;
  }

  /** Counts a refusal of the row, and parks it once it has had its attempts. */
  void recordRefusal(Connection c, long id, Throwable cause) throws SQLException {
    String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    try (PreparedStatement ps = c.prepareStatement(RECORD_FAILURE)) {
      ps.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
      ps.setInt(2, maxAttempts);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
    LOG.errorf(
        "outbox row %d refused by Kafka (parked after %d attempts): %s", id, maxAttempts, error);
  }

  /** The parked rows, oldest first (operators: GET /admin/outbox/parked). */
  List<ParkedRow> parkedRows() {
    List<ParkedRow> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, username, password);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select id, event_id, event_type, topic, aggregate_key, attempts, last_error,"
                    + " parked_at, (select count(*) from outbox_event w where w.published_at is null"
                    + " and w.aggregate_key = p.aggregate_key and w.id > p.id) from outbox_event p"
                    + " where parked_at is not null and published_at is null order by id")) {
      while (rs.next()) {
        rows.add(
            new ParkedRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant().toString(),
                rs.getLong(9)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read parked outbox rows: " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * Unparks every parked row (or one, by id) once its cause is fixed: it is published again, and
   * the rows of its aggregate that waited behind it follow in order. Returns how many.
   */
  int replayParked(Long id) {
    String sql =
        "update outbox_event set parked_at = null, attempts = 0 where parked_at is not null"
            + " and published_at is null"
            + (id == null ? "" : " and id = ?");
    try (Connection c = DriverManager.getConnection(jdbcUrl, username, password);
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (id != null) {
        ps.setLong(1, id);
      }
      int n = ps.executeUpdate();
      try (Statement st = c.createStatement()) {
        st.execute("select pg_notify('outbox_event', '')");
      }
      LOG.infof("operator replayed %d parked outbox row(s)", n);
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot replay parked outbox rows: " + e.getMessage(), e);
    }
  }
}
