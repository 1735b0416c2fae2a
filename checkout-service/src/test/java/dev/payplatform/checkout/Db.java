package dev.payplatform.checkout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on the test database, independent of the service under test. */
final class Db {
  private Db() {}

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/checkout_test", "checkout", "checkout");
  }

  static long count(String sql, Object... args) {
    String value = text(sql, args);
    return value == null ? 0 : Long.parseLong(value);
  }

  /** The first column of the first row, as text (null when there is no row). */
  static String text(String sql, Object... args) {
    List<String> rows = column(sql, args);
    return rows.isEmpty() ? null : rows.get(0);
  }

  static List<String> column(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Test set-up only: moves time for one row (e.g. a session's expiry into the past). */
  static int update(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
