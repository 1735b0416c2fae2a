package dev.payplatform.e2e;

import static dev.payplatform.e2e.FaultTools.SERVICES;
import static dev.payplatform.e2e.FaultTools.alive;
import static dev.payplatform.e2e.FaultTools.awaitEveryServiceReady;
import static dev.payplatform.e2e.FaultTools.kill9;
import static dev.payplatform.e2e.FaultTools.listening;
import static dev.payplatform.e2e.FaultTools.pause;
import static dev.payplatform.e2e.FaultTools.pid;
import static dev.payplatform.e2e.FaultTools.platformUp;
import static dev.payplatform.e2e.FaultTools.processingDeadline;
import static dev.payplatform.e2e.FaultTools.psql;
import static dev.payplatform.e2e.FaultTools.restartCheckoutHaltingAfterTheProcessorCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults of the acquirer link while live buyers pay (docs/connectors.md): the acquirer answers
 * nothing for 30 s, the acquirer closes its connection, and checkout dies between an authorization
 * and its record. After each, the platform is compared with the acquirer host's own record: every
 * approved authorization is exactly one completed payment or reversed, none is charged twice, and
 * no intent is left in processing. Runs in the fault suite's execution.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveFaultSuiteIT {
  private static final Duration SETTLED_WITHIN = Duration.ofSeconds(90);
  private static final Duration PROCESSING_DEADLINE = Duration.ofSeconds(10);
  private static final List<String> figures = new ArrayList<>();
  private static Platform.LiveMerchant merchant;

  @BeforeAll
  static void liveMerchant() {
    Platform.env();
    awaitEveryServiceReady(Duration.ofSeconds(120));
    merchant = Platform.newLiveMerchant("Live Faults");
  }

  @AfterEach
  void healTheAcquirer() {
    AcquirerControl.heal();
  }

  @AfterAll
  static void figures() {
    figures.forEach(System.out::println);
  }

  @Test
  @Order(1)
  void theAcquirerAnsweringNothingForThirtySecondsChargesNothingTwiceAndLeavesNothingOpen() {
    scenario(
        "acquirer silent for 30 s",
        () -> {
          AcquirerControl.dropAnswers();
          pause(Duration.ofSeconds(30));
          AcquirerControl.heal();
        });
  }

  @Test
  @Order(2)
  void theAcquirerClosingItsConnectionChargesNothingTwiceAndLeavesNothingOpen() {
    scenario(
        "acquirer closes its connection",
        () -> {
          for (int i = 0; i < 3; i++) {
            AcquirerControl.closeConnections();
            pause(Duration.ofSeconds(3));
          }
        });
  }

  @Test
  @Order(3)
  void checkoutKilledBetweenTheAuthorizationAndItsRecordCompletesThePaymentOnce() {
    Map<String, String> deadline = processingDeadline(PROCESSING_DEADLINE);
    restartCheckoutHaltingAfterTheProcessorCall(deadline);
    try {
      BuyerTraffic buyer = BuyerTraffic.live(merchant.merchant());
      assertThat(buyer.payOnce()).as("the confirmation dies with checkout").isNull();
      String paymentId = buyer.createdPayments().get(0);
      String halted = pid("checkout-service");
      await()
          .atMost(Duration.ofSeconds(20))
          .alias("checkout halted at the fault point")
          .until(() -> !alive(halted) && !listening(SERVICES.get("checkout-service")));
      assertThat(
              psql(
                  "checkout",
                  "select t.state from iso8583_transaction t join payment_intent i"
                      + " on t.reference = i.processor_reference where i.payment_id = '"
                      + paymentId
                      + "'"))
          .as("the acquirer approved the purchase before the crash")
          .contains("approved");

      long restarted = System.nanoTime();
      platformUp(deadline);
      await()
          .atMost(PROCESSING_DEADLINE.plus(SETTLED_WITHIN))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(paymentStatus(paymentId))
                      .as("the crashed payment")
                      .isEqualTo("completed"));
      figures.add(
          String.format(
              "live fault %-36s completed by the reconciliation sweep %.1f s after the restart",
              "checkout halted after the authorization", (System.nanoTime() - restarted) / 1e9));
      compareWithTheAcquirer("checkout halted after the authorization");
    } finally {
      // Leave checkout as `up` starts it: fault point off, the shipped deadline.
      kill9(pid("checkout-service"));
      platformUp();
    }
  }

  private static void scenario(String name, Runnable fault) {
    long t0 = System.nanoTime();
    try (BuyerTraffic traffic = BuyerTraffic.live(merchant.merchant()).start(2)) {
      pause(Duration.ofSeconds(3));
      fault.run();
      pause(Duration.ofSeconds(5)); // buyers go on paying after the acquirer is back
      traffic.stop();
      Map<Integer, Long> byStatus = traffic.answersByStatus();
      assertThat(traffic.answers())
          .as("%s: answers other than 2xx, the documented 503 and 402 processing_error", name)
          .allMatch(
              a ->
                  (a.status() >= 200 && a.status() < 300)
                      || a.documented503()
                      || (a.status() == 402 && a.body().contains("processing_error")));
      assertThat(traffic.confirmedPayments())
          .as("%s: payments confirmed during the scenario", name)
          .isNotEmpty();
      compareWithTheAcquirer(name);
      figures.add(
          String.format(
              "live fault %-36s answers by status %s; %d confirmed; settled with the acquirer;"
                  + " scenario %.0f s",
              name, byStatus, traffic.confirmedPayments().size(), (System.nanoTime() - t0) / 1e9));
      System.out.println(figures.get(figures.size() - 1));
    }
  }

  /**
   * The platform against the acquirer's record, once every reversal is delivered and every intent
   * resolved: each approved, unreversed purchase is exactly one completed payment; a reversed one
   * is none; and there is no completed payment the acquirer did not approve.
   */
  private static void compareWithTheAcquirer(String name) {
    await()
        .atMost(SETTLED_WITHIN)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(
                      psql(
                              "checkout",
                              "select count(*) from payment_intent where merchant_id = '"
                                  + merchant.id()
                                  + "' and status = 'processing'")
                          .strip())
                  .as("%s: intents left in processing", name)
                  .isEqualTo("0");
              assertThat(
                      psql(
                              "checkout",
                              "select count(*) from iso8583_transaction where gateway_account_id"
                                  + " = '"
                                  + merchant.gatewayAccountId()
                                  + "' and state in ('sent', 'reversing')")
                          .strip())
                  .as("%s: requests neither answered nor reversed", name)
                  .isEqualTo("0");
            });
    await()
        .atMost(SETTLED_WITHIN)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<AcquirerControl.Transaction> approved =
                  AcquirerControl.transactions(merchant.cardAcceptorId()).stream()
                      .filter(AcquirerControl.Transaction::approvedPurchase)
                      .toList();
              List<String> mismatches = new ArrayList<>();
              for (AcquirerControl.Transaction t : approved) {
                List<String> payments = completedPaymentsWithRrn(t.rrn());
                int expected = "reversed".equals(t.status()) ? 0 : 1;
                if (payments.size() != expected) {
                  mismatches.add(t.rrn() + " " + t.status() + " -> payments " + payments);
                }
              }
              long unreversed =
                  approved.stream().filter(t -> !"reversed".equals(t.status())).count();
              assertThat(mismatches).as("%s: acquirer approvals against payments", name).isEmpty();
              assertThat(completedPayments())
                  .as("%s: completed live payments = approved, unreversed purchases", name)
                  .isEqualTo(unreversed);
            });
  }

  private static List<String> completedPaymentsWithRrn(String rrn) {
    String rows =
        psql(
                "payments",
                "select id from payment where network_rrn = '"
                    + rrn
                    + "' and status in ('completed', 'partially_refunded', 'refunded')")
            .strip();
    return rows.isEmpty() ? List.of() : List.of(rows.split("\n"));
  }

  private static long completedPayments() {
    return Long.parseLong(
        psql(
                "payments",
                "select count(*) from payment where merchant_id = '"
                    + merchant.id()
                    + "' and livemode and status in ('completed', 'partially_refunded',"
                    + " 'refunded')")
            .strip());
  }

  private static String paymentStatus(String paymentId) {
    return psql("payments", "select status from payment where id = '" + paymentId + "'").strip();
  }
}
