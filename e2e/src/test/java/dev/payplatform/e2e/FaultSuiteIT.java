package dev.payplatform.e2e;

import static dev.payplatform.e2e.FaultTools.HTTP;
import static dev.payplatform.e2e.FaultTools.SERVICES;
import static dev.payplatform.e2e.FaultTools.alive;
import static dev.payplatform.e2e.FaultTools.awaitEveryServiceReady;
import static dev.payplatform.e2e.FaultTools.kill9;
import static dev.payplatform.e2e.FaultTools.listening;
import static dev.payplatform.e2e.FaultTools.pause;
import static dev.payplatform.e2e.FaultTools.pgVersion;
import static dev.payplatform.e2e.FaultTools.pid;
import static dev.payplatform.e2e.FaultTools.platformUp;
import static dev.payplatform.e2e.FaultTools.processingDeadline;
import static dev.payplatform.e2e.FaultTools.psql;
import static dev.payplatform.e2e.FaultTools.restartCheckoutHaltingAfterTheProcessorCall;
import static dev.payplatform.e2e.FaultTools.shell;
import static dev.payplatform.e2e.FaultTools.startPostgres;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real faults against the platform that {@code deploy/local/platform up} started, while merchants
 * create hosted payments and buyers pay them: the broker killed with SIGKILL, each service killed
 * with SIGKILL and restarted with the project's command, PostgreSQL stopped in immediate mode, one
 * broker of a three-broker cluster killed for good, and the primary database lost and its streaming
 * standby promoted.
 *
 * <p>After each fault: every answer was 2xx or the documented 503 with {@code Retry-After}; every
 * payment whose confirmation answered 200 completes within 60 s of recovery, and so do payments
 * made after it; no payment has two {@code payment.succeeded} events; no outbox row is left
 * unpublished; every service is ready again within 30 s. Runs in its own failsafe execution, after
 * every other end-to-end test (it stops the servers they use).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {
  private static final List<String> DATABASES =
      List.of("edge", "checkout", "payments", "catalog", "billing", "events");
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);
  private static final Duration COMPLETED_WITHIN = Duration.ofSeconds(60);
  private static final Duration PROCESSING_DEADLINE = Duration.ofSeconds(10);

  private static Platform.Merchant merchant;
  private static OpsConsumer ops;
  private static final List<String> figures = new ArrayList<>();

  @BeforeAll
  static void platformUpAndQuiet() {
    Platform.env();
    merchant = Platform.newMerchant("Fault Suite");
    ops = new OpsConsumer();
    awaitEveryServiceReady(Duration.ofSeconds(120));
  }

  @AfterAll
  static void leaveThePlatformRunning() {
    try {
      startPostgres();
      platformUp();
    } finally {
      if (ops != null) {
        ops.close();
      }
      figures.forEach(System.out::println);
    }
  }

  @Test
  @Order(1)
  void kafkaKilledForThirtySecondsLosesNoPaymentAndNoEvent() {
    scenario(
        "kafka -9 for 30 s",
        false,
        () -> {
          kill9(pid("kafka"));
          pause(Duration.ofSeconds(30));
        },
        FaultTools::platformUp);
  }

  @Test
  @Order(2)
  void eachServiceKilledInTurnAndRestartedLosesNoPayment() {
    for (String service : SERVICES.keySet()) {
      scenario(
          service + " -9",
          service.equals("gateway-adapter"),
          () -> {
            kill9(pid(service));
            pause(Duration.ofSeconds(3));
          },
          FaultTools::platformUp);
    }
  }

  @Test
  @Order(3)
  void postgresStoppedForTenSecondsAnswers503AndEveryPaymentCompletesAfter() {
    scenario(
        "postgresql stop -m immediate for 10 s",
        false,
        () -> {
          shell(
              30,
              "pg_ctlcluster",
              "--skip-systemctl-redirect",
              pgVersion(),
              "main",
              "stop",
              "-m",
              "immediate");
          pause(Duration.ofSeconds(10));
        },
        FaultTools::startPostgres);
  }

  /**
   * The one crash that leaves a charged card behind an unfinished intent: checkout dies (halts, as
   * {@code kill -9} would) after the processor charged the card and before the second transaction
   * stored the answer. Restarted, its reconciliation sweep asks the processor under the intent's
   * reference and completes the payment, once, within the processing deadline.
   */
  @Test
  @Order(4)
  void checkoutKilledBetweenTheChargeAndItsRecordCompletesThePaymentOnce() {
    Map<String, String> deadline = processingDeadline(PROCESSING_DEADLINE);
    restartCheckoutHaltingAfterTheProcessorCall(deadline);

    BuyerTraffic buyer = new BuyerTraffic(merchant);
    assertThat(buyer.payOnce()).as("the confirmation dies with checkout").isNull();
    String paymentId = buyer.createdPayments().get(0);
    String halted = pid("checkout-service");
    await()
        .atMost(Duration.ofSeconds(10))
        .alias("checkout halted at the fault point")
        .until(() -> !alive(halted) && !listening(SERVICES.get("checkout-service")));
    String intent =
        psql("checkout", "select id from payment_intent where payment_id = '" + paymentId + "'")
            .strip();
    assertThat(psql("checkout", "select status from payment_intent where id = '" + intent + "'"))
        .as("left behind by the crash")
        .contains("processing");
    assertThat(
            psql(
                "checkout",
                "select o.outcome from sandbox_operation o join payment_intent i"
                    + " on o.reference = i.processor_reference where i.id = '"
                    + intent
                    + "'"))
        .as("the processor charged the card before the crash")
        .contains("succeeded");

    long restarted = System.nanoTime();
    platformUp(deadline);
    await()
        .atMost(PROCESSING_DEADLINE.plus(COMPLETED_WITHIN))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(paymentStatus(paymentId))
                    .as("the crashed payment")
                    .isEqualTo("completed"));
    double seconds = (System.nanoTime() - restarted) / 1e9;
    assertThat(
            psql(
                    "checkout",
                    "select count(*) from payment_attempt where payment_intent_id = '"
                        + intent
                        + "' and outcome = 'succeeded'")
                .strip())
        .isEqualTo("1");
    long succeeded =
        ops.drain(Duration.ofSeconds(3)).stream()
            .filter(e -> "payment.succeeded".equals(e.type()))
            .filter(e -> paymentId.equals(e.data().path("id").asText()))
            .map(OpsConsumer.Event::id)
            .distinct()
            .count();
    assertThat(succeeded).as("payment.succeeded events of the crashed payment").isEqualTo(1L);
    figures.add(
        String.format(
            "fault %-40s completed by the reconciliation sweep %.1f s after the restart"
                + " (deadline %d s)",
            "checkout halted after the charge", seconds, PROCESSING_DEADLINE.toSeconds()));
    System.out.println(figures.get(figures.size() - 1));

    // Leave checkout as `up` starts it: fault point off, the shipped deadline.
    kill9(pid("checkout-service"));
    platformUp();
  }

  /**
   * events-service dies while a delivery is in flight (the receiver is slow, so attempts are always
   * mid-request) and while buyers keep paying. Restarted, it delivers every payment.succeeded that
   * was recorded: nothing is lost, and a repeat is only ever the same event again, under the same
   * {@code webhook-id}, which the receiver drops.
   */
  @Test
  @Order(5)
  void eventsServiceKilledMidDeliveryLosesNoWebhookAndRepeatsOnlyTheSameWebhookId() {
    try (WebhookReceiver receiver = new WebhookReceiver().pause(1500)) {
      String endpoint =
          WebhooksEndToEndIT.endpoint(
                  merchant.skTest(), receiver.url(), List.of("payment.succeeded"))
              .getString("id");
      BuyerTraffic traffic = new BuyerTraffic(merchant).start(2);
      try {
        await()
            .atMost(COMPLETED_WITHIN)
            .alias("a delivery in flight")
            .until(() -> !receiver.received().isEmpty());
        kill9(pid("events-service"));
        pause(Duration.ofSeconds(3));
        platformUp();
        pause(Duration.ofSeconds(5));
      } finally {
        traffic.stop();
      }
      List<String> completed =
          traffic.createdPayments().stream()
              .filter(p -> "completed".equals(paymentStatus(p)))
              .toList();
      assertThat(completed).as("payments completed around the crash").isNotEmpty();
      long restarted = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(
                          receiver.received().stream()
                              .map(r -> JsonPath.from(r.body()).getString("data.id"))
                              .distinct()
                              .toList())
                      .as("payments whose payment.succeeded reached the receiver")
                      .containsAll(completed));
      double seconds = (System.nanoTime() - restarted) / 1e9;
      Map<String, Set<String>> idsPerPayment = new HashMap<>();
      for (WebhookReceiver.Received r : receiver.received()) {
        idsPerPayment
            .computeIfAbsent(JsonPath.from(r.body()).getString("data.id"), k -> new HashSet<>())
            .add(r.header("webhook-id"));
      }
      assertThat(idsPerPayment.values())
          .as("one webhook-id per payment, however often it came")
          .allMatch(ids -> ids.size() == 1);
      long repeats = receiver.received().size() - idsPerPayment.size();
      figures.add(
          String.format(
              "fault %-40s %d payments, every payment.succeeded delivered (%d repeats under the"
                  + " same webhook-id), the last %.1f s after the restart",
              "events-service -9 mid-delivery", completed.size(), repeats, seconds));
      System.out.println(figures.get(figures.size() - 1));
      given()
          .header("X-Api-Key", merchant.skTest())
          .delete(Platform.url("/v1/webhook_endpoints/" + endpoint))
          .then()
          .statusCode(200);
    }
  }

  /**
   * The three-broker cluster the production overlay asks for (replication factor 3,
   * min.insync.replicas 2; the relay and dead-letter producers set acks=all and idempotence): the
   * broker leading a partition of {@code payments.events} is killed while buyers pay and never
   * comes back. The others take over its partitions and its consumer groups, every service stays
   * ready, and the usual assertions hold with no recovery at all. The platform goes back to one
   * broker afterwards (the next {@code up}).
   */
  @Test
  @Order(6)
  void aBrokerOfThreeKilledForGoodLosesNoPaymentAndNoEvent() {
    long t0 = System.nanoTime();
    // With the database standby as well: the failover that follows needs no second restart.
    platformUp(Map.of(), THREE_BROKERS_AND_A_STANDBY);
    figures.add(
        String.format(
            "fault three brokers: up %s (services restarted on them) took %.0f s",
            String.join(" ", THREE_BROKERS_AND_A_STANDBY), (System.nanoTime() - t0) / 1e9));
    ops.close();
    ops = new OpsConsumer(THREE_BROKERS);
    awaitEveryServiceReady(READY_WITHIN);
    int[] killed = new int[1];
    scenario(
        "a broker of three -9 for good",
        false,
        () -> {
          killed[0] = leaderOf("payments.events", 0);
          kill9(pid(killed[0] == 1 ? "kafka" : "kafka-" + killed[0]));
          pause(Duration.ofSeconds(10));
        },
        () -> {});
    figures.add("fault three brokers: killed broker " + killed[0] + ", left down");
    System.out.println(figures.get(figures.size() - 1));
  }

  private static final String THREE_BROKERS = "127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292";
  private static final String[] THREE_BROKERS_AND_A_STANDBY = {
    "--kafka-brokers", "3", "--pg-standby"
  };

  /**
   * What CloudNativePG does when the primary's pod dies: the primary is killed (postmaster and
   * every backend, SIGKILL) while buyers pay; a few seconds later the streaming standby is promoted
   * and the stable address (HAProxy, standing in for the {@code -rw} Service) moves to it. The old
   * connections are gone and the new primary is on a new timeline. The usual assertions hold; the
   * outbox relays publish every row written before and after (so they resume on the new primary),
   * and checkout's, payments' and billing's sweeps complete passes on it. The platform goes back to
   * {@code main} alone afterwards (the next plain {@code up}).
   */
  @Test
  @Order(7)
  void thePrimaryDatabaseLostAndTheStandbyPromotedLosesNoPaymentAndNoEvent() {
    platformUp(Map.of(), THREE_BROKERS_AND_A_STANDBY); // the broker killed above comes back
    ops.close();
    ops = new OpsConsumer(THREE_BROKERS);
    awaitEveryServiceReady(READY_WITHIN);
    String[] lost = new String[1];
    long[] killedAt = new long[1];
    scenario(
        "the primary database -9, standby promoted",
        false,
        () -> {
          lost[0] = FaultTools.primaryCluster();
          killPostgres(lost[0]);
          killedAt[0] = System.currentTimeMillis();
          pause(Duration.ofSeconds(5)); // the operator noticing the pod is gone
        },
        () ->
            shell(
                60,
                "bash",
                Platform.ROOT.resolve("deploy/local/platform").toString(),
                "pg-failover"));
    long promotedAt = promotedAt();
    Map<String, Long> firstWrite = new HashMap<>();
    for (String db : DATABASES) {
      String ms =
          psql(
                  db,
                  "select (extract(epoch from min(occurred_at)) * 1000)::bigint from outbox_event"
                      + " where occurred_at >= to_timestamp("
                      + promotedAt / 1000.0
                      + ")")
              .strip();
      if (!ms.isEmpty()) {
        firstWrite.put(db, Long.parseLong(ms) - promotedAt);
      }
    }
    assertThat(firstWrite).as("databases written after the promotion").containsKey("payments");

    Map<String, Double> passes = sweepPasses();
    await()
        .atMost(COMPLETED_WITHIN)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(sweepPasses())
                    .as("sweep passes completed per service, after the failover")
                    .allSatisfy((service, n) -> assertThat(n).isGreaterThan(passes.get(service))));
    figures.add(
        String.format(
            "fault failover: killed %s; promoted and the address moved %.1f s after the kill;"
                + " first write after the promotion, ms per database: %s; sweeps passing again"
                + " (completed passes per service) %s -> %s",
            lost[0], (promotedAt - killedAt[0]) / 1e3, firstWrite, passes, sweepPasses()));
    System.out.println(figures.get(figures.size() - 1));
  }

  /** The cluster's postmaster and every backend, SIGKILL: a pod gone, not a shutdown. */
  private static void killPostgres(String cluster) {
    String postmaster =
        shell(
                10,
                "head",
                "-1",
                "/var/lib/postgresql/" + FaultTools.pgVersion() + "/" + cluster + "/postmaster.pid")
            .strip();
    shell(10, "pkill", "-9", "-P", postmaster);
    kill9(postmaster);
  }

  private static long promotedAt() {
    try {
      return Long.parseLong(Files.readString(Platform.STATE.resolve("run/pg-promoted-at")).strip());
    } catch (IOException e) {
      throw new IllegalStateException("pg-failover left no promotion time", e);
    }
  }

  /** Completed passes of every sweep, summed per service that has sweeps running every few s. */
  private static Map<String, Double> sweepPasses() {
    Map<String, Double> passes = new HashMap<>();
    for (String service : List.of("checkout-service", "payments-service", "billing-service")) {
      passes.put(
          service,
          FaultTools.metric(
              SERVICES.get(service),
              "platform_sweep_passes_total",
              labels -> !labels.contains("sweep=\"retention")));
    }
    return passes;
  }

  /** The node leading {@code topic}'s {@code partition}, as the cluster reports it. */
  private static int leaderOf(String topic, int partition) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, THREE_BROKERS))) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .get(partition)
          .leader()
          .id();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not describe " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Traffic before, during and after {@code fault}; {@code recover} brings the broken part back.
   * {@code edgeDown}: the edge itself is broken, so buyers may get no answer at all meanwhile.
   */
  private static void scenario(String name, boolean edgeDown, Runnable fault, Runnable recover) {
    long t0 = System.nanoTime();
    try (BuyerTraffic traffic = new BuyerTraffic(merchant).start(2)) {
      pause(Duration.ofSeconds(3));
      fault.run();
      long recovering = System.nanoTime();
      recover.run();
      long recovered = System.nanoTime();
      double recoverSeconds = (recovered - recovering) / 1e9;
      awaitEveryServiceReady(READY_WITHIN);
      double readySeconds = (System.nanoTime() - recovered) / 1e9;
      pause(Duration.ofSeconds(5)); // buyers go on paying after recovery
      traffic.stop();

      List<BuyerTraffic.Answer> answers = traffic.answers();
      Map<Integer, Long> byStatus = traffic.answersByStatus();
      List<BuyerTraffic.Answer> undocumented =
          answers.stream()
              .filter(a -> !(a.status() >= 200 && a.status() < 300))
              .filter(a -> !a.documented503())
              .filter(a -> !(edgeDown && a.status() == 0))
              .toList();
      assertThat(undocumented)
          .as("%s: answers that are neither 2xx nor the documented 503 with Retry-After", name)
          .isEmpty();

      List<String> confirmed = traffic.confirmedPayments();
      assertThat(confirmed).as("%s: payments confirmed during the scenario", name).isNotEmpty();
      String after = new BuyerTraffic(merchant).payOnce();
      assertThat(after).as("%s: a payment made after recovery is confirmed", name).isNotNull();
      List<String> promised = new ArrayList<>(confirmed);
      promised.add(after);
      await()
          .atMost(COMPLETED_WITHIN)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(notCompleted(promised))
                      .as("%s: confirmed payments not completed", name)
                      .isEmpty());

      await()
          .atMost(COMPLETED_WITHIN)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(unpublishedOutboxRows())
                      .as("%s: outbox rows not yet published", name)
                      .isEmpty());

      Map<String, Long> succeededEvents =
          ops.drain(Duration.ofSeconds(3)).stream()
              .filter(e -> "payment.succeeded".equals(e.type()))
              .filter(e -> merchant.id().equals(e.merchantId()))
              .collect(
                  Collectors.groupingBy(
                      e -> e.data().path("id").asText(),
                      Collectors.mapping(OpsConsumer.Event::id, Collectors.toSet())))
              .entrySet()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
      for (String paymentId : promised) {
        assertThat(succeededEvents.get(paymentId))
            .as("%s: distinct payment.succeeded events of %s", name, paymentId)
            .isEqualTo(1L);
      }
      assertThat(succeededEvents.values())
          .as("%s: no payment succeeded twice", name)
          .allMatch(n -> n == 1L);

      figures.add(
          String.format(
              "fault %-40s answers by status %s; completed %d of %d confirmed; recovery command"
                  + " %.1f s, every service ready %.1f s after it; scenario %.0f s",
              name,
              byStatus,
              promised.size() - notCompleted(promised).size(),
              promised.size(),
              recoverSeconds,
              readySeconds,
              (System.nanoTime() - t0) / 1e9));
      System.out.println(figures.get(figures.size() - 1));
    }
  }

  private static List<String> notCompleted(List<String> paymentIds) {
    List<String> open = new ArrayList<>();
    for (String id : paymentIds) {
      String status = paymentStatus(id);
      if (!"completed".equals(status)) {
        open.add(id + "=" + status);
      }
    }
    return open;
  }

  private static String paymentStatus(String paymentId) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(Platform.url("/v1/payments/" + paymentId)))
                  .header("X-Api-Key", merchant.skTest())
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200
          ? io.restassured.path.json.JsonPath.from(r.body()).getString("status")
          : "HTTP " + r.statusCode();
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** "database: n" for each service database with rows its relay has not published. */
  private static List<String> unpublishedOutboxRows() {
    List<String> open = new ArrayList<>();
    for (String db : DATABASES) {
      String count =
          psql(db, "select count(*) from outbox_event where published_at is null").strip();
      if (!"0".equals(count)) {
        open.add(db + ": " + count);
      }
    }
    return open;
  }
}
