package dev.payplatform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.testing.TestApi;
import dev.payplatform.commons.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery dispatcher is woken (a claim transaction at once, rather than at its next tick) by
 * the events that recorded a delivery, and only by those: the log of a merchant without endpoints,
 * most of a platform's events, costs no claim.
 */
@QuarkusTest
class DispatcherWakesTest {
  private static final TestDb DB = TestDb.forService("events");
  private static final Duration WAIT = Duration.ofSeconds(60);

  @BeforeEach
  void serviceHasReadTheTopics() {
    Hooks.awaitCaughtUp();
  }

  @Test
  void eventsOfAMerchantWithoutEndpointsWakeNoClaimPass() {
    String merchant = TestApi.newMerchant();
    double before = wakePasses();
    for (int i = 0; i < 20; i++) {
      // One at a time, each logged before the next: every one is a batch of its own.
      String event = Hooks.paymentEvent(merchant, false, "payment.created", Hooks.paymentId());
      await()
          .atMost(WAIT)
          .until(() -> DB.count("select count(*) from event where id = ?", event) == 1);
    }
    // Wakes from an earlier test's last deliveries may land in this window; one per event (21 on
    // the code that woke for every batch) is the defect.
    assertThat(wakePasses() - before).as("claim passes woken by 20 events").isLessThan(10);
  }

  @Test
  void anEventThatRecordsADeliveryWakesAClaimPass() {
    String merchant = TestApi.newMerchant();
    try (Receiver receiver = Receiver.start()) {
      Hooks.endpoint(merchant, "test", receiver.url(), List.of("payment.*"));
      double before = wakePasses();
      String event = Hooks.paymentEvent(merchant, false, "payment.created", Hooks.paymentId());
      await()
          .atMost(WAIT)
          .until(
              () ->
                  DB.count(
                          "select count(*) from delivery where event_id = ? and status ="
                              + " 'succeeded'",
                          event)
                      == 1);
      assertThat(wakePasses() - before).as("claim passes woken by the event").isPositive();
    }
  }

  /** {@code platform_webhook_dispatcher_passes_total{trigger="wake"}}. */
  private static double wakePasses() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith("platform_webhook_dispatcher_passes_total{"))
        .filter(l -> l.contains("trigger=\"wake\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }
}
