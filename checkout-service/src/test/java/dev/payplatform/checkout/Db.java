package dev.payplatform.checkout;

import dev.payplatform.commons.testing.TestDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Plain JDBC reads of checkout's test database, independent of the service under test. */
final class Db {
  private static final TestDb DB = TestDb.forService("checkout");

  private Db() {}

  static Connection connect() throws SQLException {
    return DB.connect();
  }

  static long count(String sql, Object... args) {
    String value = DB.text(sql, args);
    return value == null ? 0 : Long.parseLong(value);
  }

  /** The first column of the first row, as text (null when there is no row). */
  static String text(String sql, Object... args) {
    return DB.text(sql, args);
  }

  static List<String> column(String sql, Object... args) {
    return DB.column(sql, args);
  }

  /** Test set-up only: moves time for one row (e.g. a session's expiry into the past). */
  static int update(String sql, Object... args) {
    return DB.update(sql, args);
  }
}
