package dev.payplatform.checkout;

import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.TestEvents;
import java.time.Duration;

/** Plans and customers announced on catalog.events as catalog-service announces them. */
final class Catalog {
  static final String TOPIC = "test.catalog.events";

  private Catalog() {}

  /** A plan of this merchant and mode, once checkout has recorded it; returns its id. */
  static String plan(String merchantId, boolean livemode, long amount, String currency) {
    String id = Ids.newId("plan");
    TestEvents.publish(
        TOPIC,
        "plan.created",
        id,
        merchantId,
        livemode,
        ("{\"id\":\"%s\",\"object\":\"plan\",\"product_id\":\"%s\",\"amount\":%d,"
                + "\"currency\":\"%s\",\"interval\":\"month\",\"interval_count\":1,"
                + "\"nickname\":null,\"livemode\":%s,\"created_at\":\"2026-01-01T00:00:00Z\"}")
            .formatted(id, Ids.newId("prod"), amount, currency, livemode));
    awaitRow("catalog_plan", id);
    return id;
  }

  static String customer(String merchantId, boolean livemode) {
    String id = Ids.newId("cus");
    TestEvents.publish(
        TOPIC,
        "customer.created",
        id,
        merchantId,
        livemode,
        ("{\"id\":\"%s\",\"object\":\"customer\",\"email\":\"buyer@example.com\","
                + "\"name\":null,\"description\":null,\"phone\":null,\"livemode\":%s,"
                + "\"created_at\":\"2026-01-01T00:00:00Z\"}")
            .formatted(id, livemode));
    awaitRow("catalog_customer", id);
    return id;
  }

  // On a fresh broker the consumer's first assignment can take a while.
  private static void awaitRow(String table, String id) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Db.count("select count(*) from " + table + " where id = ?", id) == 1);
  }
}
