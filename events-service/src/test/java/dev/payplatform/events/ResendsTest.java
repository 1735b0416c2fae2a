package dev.payplatform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.payplatform.commons.testing.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resends against a slow receiver: a resend while an attempt runs queues one after it and never
 * cancels it, the endpoint's cap holds, every attempt is in the endpoint's attempt log; and a
 * merchant's resends are limited (this profile: 10 an hour, {@code events.webhooks.resend-*}).
 */
@QuarkusTest
class ResendsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int CAP = 4; // events.webhooks.max-in-flight-per-endpoint
  private static final int RESEND_LIMIT = 10; // %test.events.webhooks.resend-limit

  @BeforeEach
  void serviceHasReadTheTopics() {
    Hooks.awaitCaughtUp();
  }

  @Test
  void eightResendsDuringSlowAttemptsQueueBehindThemWithinTheCapAndEveryAttemptIsLogged() {
    String merchant = TestApi.newMerchant();
    try (Receiver receiver = Receiver.start().hold();
        Receiver later = Receiver.start().hold()) {
      String endpoint =
          Hooks.endpoint(merchant, "test", receiver.url(), List.of("payment.succeeded"))
              .getString("id");
      Hooks.endpoint(merchant, "test", later.url(), List.of("payment.created"));
      List<String> events = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        events.add(Hooks.paymentEvent(merchant, false, "payment.succeeded", Hooks.paymentId()));
      }
      // The receiver holds the first attempts: the endpoint's cap of them is in flight.
      await().atMost(WAIT).until(() -> receiver.held().size() >= CAP);
      List<String> inFlight =
          receiver.held().stream().map(r -> r.header("webhook-id")).distinct().toList();
      assertThat(inFlight).hasSize(CAP);

      // Two resends of each event whose attempt is running: eight, while none has answered.
      for (String event : inFlight) {
        for (int i = 0; i < 2; i++) {
          TestApi.asTest(merchant)
              .body(Map.of("endpoint_id", endpoint))
              .post("/v1/events/" + event + "/resend")
              .then()
              .statusCode(200);
        }
      }
      // An event to another endpoint, held until it arrives: the dispatcher's pass that starts its
      // attempt comes after the passes the resends woke, so whatever those started has started.
      Hooks.paymentEvent(merchant, false, "payment.created", Hooks.paymentId());
      await().atMost(WAIT).until(() -> later.held().size() == 1);
      // This replica's HTTP client opens at most the cap of connections to one host and queues the
      // rest, so the receiver alone cannot see attempts started past the cap: the service's count
      // of attempts running can. The slow endpoint's cap, and the other endpoint's one.
      assertThat(attemptsInFlight()).as("attempts running in the service").isEqualTo(CAP + 1);
      later.release();
      receiver.release();

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                for (String event : events) {
                  TestApi.asTest(merchant)
                      .get("/v1/events/" + event)
                      .then()
                      .statusCode(200)
                      .body("deliveries[0].status", equalTo("succeeded"));
                }
              });

      assertThat(receiver.peakOpen())
          .as("requests open at once at the receiver")
          .isLessThanOrEqualTo(CAP);
      assertThat(receiver.peakOpenPerEvent()).as("attempts of one delivery at once").isEqualTo(1);
      Map<String, Long> received =
          receiver.received().stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.header("webhook-id"), TreeMap::new, Collectors.counting()));
      // Each running attempt ran to its end, then the resends queued behind it ran once.
      Map<String, Long> expected = new TreeMap<>();
      events.forEach(e -> expected.put(e, inFlight.contains(e) ? 2L : 1L));
      assertThat(received).isEqualTo(expected);

      JsonPath log =
          TestApi.asTest(merchant)
              .queryParam("limit", 100)
              .get("/v1/webhook_endpoints/" + endpoint + "/deliveries")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      Map<String, Long> logged =
          log.getList("items.event_id", String.class).stream()
              .collect(
                  Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
      assertThat(logged)
          .as("every attempt the receiver got is in the endpoint's attempt log")
          .isEqualTo(received);
      assertThat(log.getList("items.outcome", String.class)).containsOnly("succeeded");
    }
  }

  /** {@code platform_webhook_in_flight}: the attempts this replica runs now. */
  private static int attemptsInFlight() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith("platform_webhook_in_flight"))
        .map(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void resendsPastTheMerchantsLimitAre429WithRetryAfterAndOtherMerchantsAreNotCounted() {
    String merchant = TestApi.newMerchant();
    String other = TestApi.newMerchant();
    try (Receiver receiver = Receiver.start()) {
      Hooks.endpoint(merchant, "test", receiver.url(), List.of("payment.created"));
      Hooks.endpoint(other, "test", receiver.url(), List.of("payment.created"));
      String event = Hooks.paymentEvent(merchant, false, "payment.created", Hooks.paymentId());
      String othersEvent = Hooks.paymentEvent(other, false, "payment.created", Hooks.paymentId());
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                TestApi.asTest(merchant).get("/v1/events/" + event).then().statusCode(200);
                TestApi.asTest(other).get("/v1/events/" + othersEvent).then().statusCode(200);
              });

      for (int i = 0; i < RESEND_LIMIT; i++) {
        TestApi.asTest(merchant).post("/v1/events/" + event + "/resend").then().statusCode(200);
      }
      Response refused = TestApi.asTest(merchant).post("/v1/events/" + event + "/resend");
      refused
          .then()
          .statusCode(429)
          .body("code", equalTo(429))
          .body("title", equalTo("Too many requests"))
          .body("type", equalTo("danger"));
      assertThat(refused.jsonPath().getString("content")).contains("resend");
      assertThat(Long.parseLong(refused.header("Retry-After")))
          .isBetween(1L, Duration.ofHours(1).toSeconds());
      // Another merchant's resends are not counted against this one.
      TestApi.asTest(other).post("/v1/events/" + othersEvent + "/resend").then().statusCode(200);
    }
  }
}
