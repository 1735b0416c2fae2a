package dev.payplatform.billing;

import dev.payplatform.commons.testing.TestDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Plain JDBC reads of billing's test database, independent of the service under test. */
final class Db {
  private static final TestDb DB = TestDb.forService("billing");

  private Db() {}

  static long count(String sql, Object... args) {
    return DB.count(sql, args);
  }

  /** The first row, or null. */
  static Map<String, Object> row(String sql, Object... args) {
    return DB.row(sql, args);
  }

  static List<Map<String, Object>> rows(String sql, Object... args) {
    return DB.rows(sql, args);
  }

  /** A connection of its own, for a test that holds a lock while the service works. */
  static Connection connect() throws SQLException {
    return DB.connect();
  }

  static int update(String sql, Object... args) {
    return DB.update(sql, args);
  }
}
