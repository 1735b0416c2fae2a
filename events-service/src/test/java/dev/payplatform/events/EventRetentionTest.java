package dev.payplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.testing.SweepPasses;
import dev.payplatform.commons.testing.TestApi;
import dev.payplatform.commons.testing.TestDb;
import dev.payplatform.commons.testing.TestEvents;
import dev.payplatform.events.service.EventRetention;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events past their retention go with everything hanging off them (object index, deliveries,
 * attempts); younger events and events still being retried stay, and an object's next event still
 * numbers after the deleted ones.
 */
@QuarkusTest
class EventRetentionTest {
  private static final TestDb DB = TestDb.forService("events");
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Inject EventRetention retention;

  @BeforeEach
  void serviceHasReadTheTopics() {
    Hooks.awaitCaughtUp();
  }

  @Inject Vertx vertx;

  @Test
  void eventsPastTheRetentionGoWithTheirDeliveriesAndAttemptsAndRetriedOnesWait() throws Exception {
    String merchant = TestApi.newMerchant();
    try (Receiver receiver = Receiver.start()) {
      TestApi.as(merchant, "test")
          .body(Map.of("url", receiver.url(), "enabled_events", List.of("payment.*")))
          .post("/v1/webhook_endpoints")
          .then()
          .statusCode(200);
      String payment = "pay_" + UUID.randomUUID().toString().replace("-", "");
      String delivered = publish(merchant, "payment.created", payment);
      String retried = publish(merchant, "payment.succeeded", payment);
      String young = publish(merchant, "payment.updated", payment);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  DB.count(
                          "select count(*) from delivery where event_id in (?, ?, ?)"
                              + " and status = 'succeeded'",
                          delivered,
                          retried,
                          young)
                      == 3);
      // Two of them are past a 30-day retention; one of those is still being retried.
      DB.update(
          "update event set created_at = now() - interval '31 days' where id in (?, ?)",
          delivered,
          retried);
      DB.update(
          "update delivery set status = 'pending', next_attempt_at = now() + interval '1 hour'"
              + " where event_id = ?",
          retried);

      Sweeps.Pass pass = pass();

      assertThat(pass.resolved()).isGreaterThanOrEqualTo(1);
      assertThat(DB.column("select id from event where merchant_id = ?", merchant))
          .containsExactlyInAnyOrder(retried, young);
      assertThat(DB.count("select count(*) from event_object where event_id = ?", delivered))
          .isZero();
      assertThat(DB.count("select count(*) from delivery where event_id = ?", delivered)).isZero();
      assertThat(DB.count("select count(*) from delivery_attempt where event_id = ?", delivered))
          .isZero();
      assertThat(DB.count("select count(*) from delivery_attempt where event_id = ?", young))
          .isEqualTo(1);
      TestApi.asTest(merchant).get("/v1/events/" + delivered).then().statusCode(404);

      // The object's stream goes on after the deleted event: its next event is number 4.
      String next = publish(merchant, "payment.refunded", payment);
      await()
          .atMost(WAIT)
          .until(() -> DB.count("select count(*) from event where id = ?", next) == 1);
      assertThat(DB.text("select sequence::text from event where id = ?", next)).isEqualTo("4");
    }
  }

  private static String publish(String merchant, String type, String payment) {
    return TestEvents.publish(
        "test.payments.events",
        type,
        payment,
        merchant,
        false,
        "{\"id\":\"" + payment + "\",\"amount\":4999,\"currency\":\"USD\"}");
  }

  private Sweeps.Pass pass() throws Exception {
    return SweepPasses.runOnce(vertx, retention);
  }
}
