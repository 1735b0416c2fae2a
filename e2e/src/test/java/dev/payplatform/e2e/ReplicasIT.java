package dev.payplatform.e2e;

import static dev.payplatform.e2e.FaultTools.kill9;
import static dev.payplatform.e2e.FaultTools.pause;
import static dev.payplatform.e2e.FaultTools.pid;
import static dev.payplatform.e2e.FaultTools.platformUp;
import static dev.payplatform.e2e.FaultTools.psql;
import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two processes of every service ({@code deploy/local/platform up --replicas 2}), as Kubernetes
 * runs them, the edge balancing across each service's two: replicas sweeping at once cancel each
 * expired hosted payment once, two webhook dispatchers deliver each event once, and when the
 * replica holding the outbox relay's leader lock is killed while buyers pay, the other takes the
 * lead and the killed one's partitions, and every confirmed payment completes, once. Runs in its
 * own execution (e2e/pom.xml, {@code replicas}); the platform is back to one replica afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {
  private static final int[] PAYMENTS = {8082, 8182};
  private static final int[] EVENTS = {8085, 8185};
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  // Hosted payments whose link lasts 5 s, canceled by the expiry sweep the moment it ends.
  private static final Map<String, String> FAST_EXPIRY =
      Map.of(
          "PAYMENTS_CHECKOUT_TOKEN_TTL", "PT5S",
          "PAYMENTS_CHECKOUT_EXPIRY_GRACE", "PT0S",
          "PAYMENTS_CHECKOUT_EXPIRY_SWEEP_INTERVAL", "PT1S");

  private static Platform.Merchant merchant;
  private static OpsConsumer ops;
  private static final List<String> figures = new ArrayList<>();

  @BeforeAll
  static void twoReplicasOfEveryService() {
    Platform.env();
    long t0 = System.nanoTime();
    platformUp(Map.of(), "--replicas", "2");
    figures.add(
        String.format("replicas: up --replicas 2 ready in %.0f s", (System.nanoTime() - t0) / 1e9));
    merchant = Platform.newMerchant("Two Replicas");
    ops = new OpsConsumer();
  }

  @AfterAll
  static void backToOneReplica() {
    try {
      // payments-service ran with the short links: it restarts with its own settings.
      stop("payments-service");
      platformUp(Map.of());
    } finally {
      if (ops != null) {
        ops.close();
      }
      figures.forEach(System.out::println);
    }
  }

  @Test
  @Order(3)
  void replicasSweepingAtOnceCancelEachExpiredHostedPaymentOnce() {
    // Both payments replicas again, with links that last 5 s (any payment still pending then is
    // canceled, so this runs last: buyers paying through a kill would lose theirs).
    stop("payments-service");
    stop("payments-service-2");
    platformUp(FAST_EXPIRY, "--replicas", "2");
    double before =
        sum(PAYMENTS, "platform_sweep_resolved_total", "payments.expired-checkout-links");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(
          given()
              .header("X-Api-Key", merchant.skTest())
              .contentType("application/json")
              .body(
                  Map.of(
                      "amount", "12.00",
                      "currency", "USD",
                      "description", "never paid",
                      "items", List.of("Thing"),
                      "return_url", "https://shop.example.com/thanks"))
              .post(url("/v1/payments/"))
              .then()
              .statusCode(202)
              .extract()
              .path("data.id_payment"));
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(ids).allMatch(id -> "canceled".equals(paymentStatus(id))));

    Map<String, Long> canceledEvents = distinctEvents("payment.canceled");
    for (String id : ids) {
      assertThat(canceledEvents.get(id)).as("payment.canceled events of %s", id).isEqualTo(1L);
    }
    List<String> perReplica = new ArrayList<>();
    for (int port : PAYMENTS) {
      perReplica.add(
          port
              + ": "
              + metric(port, "platform_sweep_resolved_total", "payments.expired-checkout-links"));
    }
    double resolved =
        sum(PAYMENTS, "platform_sweep_resolved_total", "payments.expired-checkout-links") - before;
    assertThat(resolved).as("cancellations the two sweeps counted").isGreaterThanOrEqualTo(20);
    figures.add(
        "replicas: 20 expired hosted payments, each canceled once; sweep resolved per replica "
            + perReplica);
  }

  @Test
  @Order(1)
  void twoDispatchersDeliverEachEventOnce() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      given()
          .header("X-Api-Key", merchant.skTest())
          .contentType("application/json")
          .body(Map.of("url", receiver.url(), "enabled_events", List.of("payment.succeeded")))
          .post(url("/v1/webhook_endpoints"))
          .then()
          .statusCode(200);
      List<String> confirmed;
      try (BuyerTraffic traffic = new BuyerTraffic(merchant).start(2)) {
        pause(Duration.ofSeconds(15));
        traffic.stop();
        confirmed = traffic.confirmedPayments();
      }
      assertThat(confirmed).isNotEmpty();
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> receivedPayments(receiver).keySet().containsAll(confirmed));
      pause(Duration.ofSeconds(3)); // a second delivery of any of them would come by now
      Map<String, Long> perPayment = receivedPayments(receiver);
      assertThat(perPayment.values()).as("webhooks per payment.succeeded").allMatch(n -> n == 1L);
      assertThat(
              psql(
                      "events",
                      "select count(*) from delivery where merchant_id = '"
                          + merchant.id()
                          + "' and attempts <> 1")
                  .strip())
          .as("deliveries attempted other than once")
          .isEqualTo("0");
      List<String> attempts = new ArrayList<>();
      for (int port : EVENTS) {
        attempts.add(port + ": " + metric(port, "platform_webhook_attempts_total", null));
      }
      figures.add(
          "replicas: "
              + perPayment.size()
              + " payment.succeeded webhooks, each delivered once; attempts per events replica "
              + attempts);
    }
  }

  @Test
  @Order(2)
  void killingTheRelayLeaderMovesTheLeadAndItsPartitionsWhileBuyersPay() {
    int leader = awaitSingleLeader();
    int survivor = leader == PAYMENTS[0] ? PAYMENTS[1] : PAYMENTS[0];
    String instance = leader == PAYMENTS[0] ? "payments-service" : "payments-service-2";
    long t0 = System.nanoTime();
    List<String> promised = new ArrayList<>();
    double takeover;
    try (BuyerTraffic traffic = new BuyerTraffic(merchant).start(2)) {
      pause(Duration.ofSeconds(3));
      kill9(pid(instance));
      long killed = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> metric(survivor, "outbox_relay_leader", null) == 1.0);
      takeover = (System.nanoTime() - killed) / 1e9;
      pause(Duration.ofSeconds(5));
      traffic.stop();

      Map<Integer, Long> byStatus = traffic.answersByStatus();
      assertThat(
              traffic.answers().stream()
                  .filter(a -> !(a.status() >= 200 && a.status() < 300))
                  .filter(a -> !a.documented503())
                  .toList())
          .as("answers that are neither 2xx nor the documented 503")
          .isEmpty();
      promised.addAll(traffic.confirmedPayments());
      assertThat(promised).as("payments confirmed around the kill").isNotEmpty();
      BuyerTraffic afterTheKill = new BuyerTraffic(merchant);
      String after = afterTheKill.payOnce();
      assertThat(after)
          .as("a payment made after the kill is confirmed: %s", afterTheKill.answers())
          .isNotNull();
      promised.add(after);
      await()
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(promised.stream().filter(id -> !"completed".equals(paymentStatus(id))))
                      .as("confirmed payments not completed")
                      .isEmpty());
      double completedAfter = (System.nanoTime() - t0) / 1e9;
      Map<String, Long> succeeded = distinctEvents("payment.succeeded");
      for (String id : promised) {
        assertThat(succeeded.get(id)).as("payment.succeeded events of %s", id).isEqualTo(1L);
      }
      figures.add(
          String.format(
              "replicas: killed the relay leader :%d; :%d led %.1f s later; answers by status %s;"
                  + " completed %d of %d confirmed, all within %.0f s",
              leader,
              survivor,
              takeover,
              byStatus,
              promised.size(),
              promised.size(),
              completedAfter));
    }
    // The killed replica comes back with the next test's restart of both.
  }

  /** Waits until exactly one payments replica holds the relay's lock; answers its port. */
  private static int awaitSingleLeader() {
    int[] leader = new int[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              int leaders = 0;
              for (int port : PAYMENTS) {
                if (metric(port, "outbox_relay_leader", null) == 1.0) {
                  leaders++;
                  leader[0] = port;
                }
              }
              return leaders == 1;
            });
    return leader[0];
  }

  /** Distinct events of {@code type} for this merchant, per payment id. */
  private static Map<String, Long> distinctEvents(String type) {
    return ops.drain(Duration.ofSeconds(3)).stream()
        .filter(e -> type.equals(e.type()))
        .filter(e -> merchant.id().equals(e.merchantId()))
        .collect(
            Collectors.groupingBy(
                e -> e.data().path("id").asText(),
                Collectors.collectingAndThen(
                    Collectors.mapping(OpsConsumer.Event::id, Collectors.toSet()),
                    s -> (long) s.size())));
  }

  /** payment.succeeded webhooks received, per payment id (each by its webhook-id). */
  private static Map<String, Long> receivedPayments(WebhookReceiver receiver) throws IOException {
    Map<String, Long> perPayment = new java.util.HashMap<>();
    for (WebhookReceiver.Received r : receiver.received()) {
      JsonNode body = JSON.readTree(r.body());
      perPayment.merge(body.path("data").path("id").asText(), 1L, Long::sum);
    }
    return perPayment;
  }

  private static String paymentStatus(String paymentId) {
    return given()
        .header("X-Api-Key", merchant.skTest())
        .get(url("/v1/payments/" + paymentId))
        .then()
        .extract()
        .path("status");
  }

  private static double sum(int[] ports, String name, String sweep) {
    double total = 0;
    for (int port : ports) {
      total += metric(port, name, sweep);
    }
    return total;
  }

  /** One metric of the replica, summed over {@code sweep}'s samples (every sample when null). */
  private static double metric(int port, String name, String sweep) {
    return FaultTools.metric(
        port, name, labels -> sweep == null || labels.contains("sweep=\"" + sweep + "\""));
  }

  /** Stops a service process and waits until it is gone (a later `up` starts it again). */
  private static void stop(String instance) {
    String pid = pid(instance);
    if (!FaultTools.alive(pid)) {
      return; // killed by a test
    }
    FaultTools.shell(10, "kill", pid);
    await().atMost(Duration.ofSeconds(60)).until(() -> !FaultTools.alive(pid));
  }
}
