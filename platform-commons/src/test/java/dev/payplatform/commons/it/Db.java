package dev.payplatform.commons.it;

import dev.payplatform.commons.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC reads of the proof database, independent of the application under test. */
final class Db {
  private static final TestDb DB = TestDb.forService("commons");

  private Db() {}

  /** Runs a write; returns the first column of the first returned row, or the update count. */
  static long update(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      if (ps.execute()) {
        try (ResultSet rs = ps.getResultSet()) {
          rs.next();
          return rs.getLong(1);
        }
      }
      return ps.getUpdateCount();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect() throws SQLException {
    return DB.connect();
  }

  /** The first column of the first row, as text (null when there is no row). */
  static String string(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(String sql, Object... args) {
    return DB.count(sql, args);
  }
}
