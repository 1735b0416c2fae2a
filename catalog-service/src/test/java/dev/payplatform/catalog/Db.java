package dev.payplatform.catalog;

import dev.payplatform.commons.testing.TestDb;

/** Plain JDBC reads of the catalog's test database, independent of the service under test. */
final class Db {
  private static final TestDb DB = TestDb.forService("catalog");

  private Db() {}

  static long count(String sql, Object... args) {
    return DB.count(sql, args);
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
