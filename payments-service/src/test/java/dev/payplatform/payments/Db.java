package dev.payplatform.payments;

import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.testing.TestDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** Plain JDBC reads of payments' test database, independent of the service under test. */
final class Db {
  private static final TestDb DB = TestDb.forService("payments");

  private Db() {}

  static Connection connect() throws SQLException {
    return DB.connect();
  }

  static long count(String sql, Object... args) {
    return DB.count(sql, args);
  }

  /** The first row, column name → value, or null. */
  static Map<String, Object> row(String sql, Object... args) {
    return DB.row(sql, args);
  }

  static int update(String sql, Object... args) {
    return DB.update(sql, args);
  }

  /** Waits until payments-service has stored the merchant's plan from merchants.events. */
  static void awaitMerchantProfile(String merchantId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                count("select count(*) from merchant_profile where merchant_id = ?", merchantId)
                    == 1);
  }
}
