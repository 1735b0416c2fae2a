package dev.payplatform.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC reads of the test database, independent of the service under test. */
final class Db {
  private Db() {}

  static long count(String sql, Object... args) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/catalog_test", "catalog", "catalog");
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows a merchant has anywhere in the catalog, outbox included. */
  static long rowsOf(String merchantId) {
    return count(
        "select (select count(*) from product where merchant_id = ?)"
            + " + (select count(*) from plan where merchant_id = ?)"
            + " + (select count(*) from customer where merchant_id = ?)"
            + " + (select count(*) from outbox_event where merchant_id = ?)",
        merchantId,
        merchantId,
        merchantId,
        merchantId);
  }
}
