package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation end to end (docs/connectors.md, reconciliation): a day of a live merchant's
 * payments, a refund and a reversal at the acquirer host reconciles with no difference, and
 * payments-service moves the settled money out of clearing; then the acquirer settles one extra
 * charge, leaves one out and changes one amount, and the next run finds exactly those three, each
 * of its kind, while {@code ledger verify} still passes with the differences in suspense. An
 * operator resolves one with a note, and {@code reconciliation_item.resolved} records it.
 */
class ReconciliationIT {
  private static final String CHECKOUT = "http://127.0.0.1:8081";
  private static final String PAYMENTS = "http://127.0.0.1:8082";
  private static Platform.LiveMerchant merchant;
  private static OpsConsumer ops;

  @BeforeAll
  static void liveMerchant() {
    Platform.env();
    merchant = Platform.newLiveMerchant("Reconciled Shop");
    ops = new OpsConsumer();
  }

  @AfterAll
  static void close() {
    AcquirerControl.heal();
    if (ops != null) {
      ops.close();
    }
  }

  @Test
  void aDayReconcilesToTheCentThenExactlyTheAcquirersThreeDifferencesAreFoundAndHeldInSuspense() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // A day: three purchases, a partial refund, and a purchase the acquirer approved but whose
    // answer never came, so the connector reversed it.
    String first = pay("20.00");
    pay("15.00");
    pay("7.50");
    refund(first, 500);
    AcquirerControl.dropAnswers();
    try {
      Cards.payThroughApi(liveSession("3.00"), Cards.VISA).then().statusCode(402);
    } finally {
      AcquirerControl.heal();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(AcquirerControl.transactions(merchant.cardAcceptorId()))
                    .filteredOn(t -> "purchase".equals(t.type()) && "reversed".equals(t.status()))
                    .hasSize(1));

    AcquirerControl.writeSettlement(today);
    JsonPath clean = reconcile(today);
    assertThat(clean.getInt("differences")).as("differences of a clean day").isZero();
    // 3 purchases and the refund matched; the reversed purchase and its reversal line.
    assertThat(kinds(clean.getString("id")))
        .containsExactlyInAnyOrder(
            "matched", "matched", "matched", "matched", "reversed", "reversed");
    awaitLedgerVerified();

    // The acquirer gets three things wrong: it leaves one charge out, settles one at another
    // amount, and settles a charge the platform never sent.
    String left = pay("10.00");
    String changed = pay("12.00");
    pay("9.00");
    AcquirerControl.omitFromSettlement(rrnOf(left));
    AcquirerControl.settleAt(rrnOf(changed), 1300);
    String extra = AcquirerControl.settleExtraCharge("E2E00001", merchant.cardAcceptorId(), 500);
    AcquirerControl.writeSettlement(today);

    JsonPath next = reconcile(today);
    String run = next.getString("id");
    assertThat(next.getInt("differences")).isEqualTo(3);
    List<Map<String, Object>> items = items(run, "open");
    assertThat(items)
        .extracting(i -> i.get("kind") + " " + i.get("rrn"))
        .containsExactlyInAnyOrder(
            "missing_at_acquirer " + rrnOf(left),
            "amount_mismatch " + rrnOf(changed),
            "missing_on_platform " + extra);
    Map<String, Object> mismatch =
        items.stream()
            .filter(i -> "amount_mismatch".equals(i.get("kind")))
            .findFirst()
            .orElseThrow();
    assertThat(mismatch.get("acquirer_amount")).isEqualTo(1300);
    assertThat(mismatch.get("platform_amount")).isEqualTo(1200);
    assertThat(kinds(run)).containsOnlyOnce("matched");
    awaitLedgerVerified();

    // An operator resolves the extra charge with a note; the event records who and why.
    String extraItem =
        items.stream()
            .filter(i -> "missing_on_platform".equals(i.get("kind")))
            .map(i -> (String) i.get("id"))
            .findFirst()
            .orElseThrow();
    admin()
        .body(Map.of("resolved_by", "ops@example.com", "note", "Raised with the acquirer, ref 42"))
        .post(CHECKOUT + "/admin/reconciliation/items/" + extraItem + "/resolve")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("resolved"));
    admin()
        .body(Map.of("resolved_by", "ops@example.com", "note", "again"))
        .post(CHECKOUT + "/admin/reconciliation/items/" + extraItem + "/resolve")
        .then()
        .statusCode(409);
    OpsConsumer.Event resolved =
        ops
            .awaitEvent(
                e -> "reconciliation_item.resolved".equals(e.type()) && extraItem.equals(e.key()),
                Duration.ofSeconds(30))
            .stream()
            .filter(
                e -> "reconciliation_item.resolved".equals(e.type()) && extraItem.equals(e.key()))
            .findFirst()
            .orElseThrow();
    OpsConsumer.assertValid(resolved);
    assertThat(resolved.data().path("resolution_note").asText()).contains("ref 42");
    assertThat(resolved.data().path("resolved_by").asText()).isEqualTo("ops@example.com");
    ops.drain(Duration.ofSeconds(1)).stream()
        .filter(e -> e.type().startsWith("reconciliation_"))
        .forEach(OpsConsumer::assertValid);

    // Running the day again adds nothing: every line and record is itemized once.
    assertThat(reconcile(today).getInt("items")).isZero();
  }

  private static JsonPath reconcile(LocalDate day) {
    return admin()
        .body(
            Map.of(
                "business_day", day.toString(), "gateway_account_id", merchant.gatewayAccountId()))
        .post(CHECKOUT + "/admin/reconciliation/runs")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .setRootPath("runs[0]");
  }

  private static List<String> kinds(String runId) {
    return admin()
        .get(CHECKOUT + "/admin/reconciliation/runs/" + runId + "/items?limit=100")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.kind");
  }

  private static List<Map<String, Object>> items(String runId, String status) {
    return admin()
        .get(CHECKOUT + "/admin/reconciliation/runs/" + runId + "/items?limit=100&status=" + status)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  /** payments-service has posted every item, and the ledger (clearing per day included) holds. */
  private static void awaitLedgerVerified() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonPath v =
                  admin().get(PAYMENTS + "/admin/ledger/verify").then().extract().jsonPath();
              assertThat(v.getList("problems")).isEmpty();
              assertThat(v.getBoolean("ok")).isTrue();
              assertThat(v.getLong("reconciled_days")).isPositive();
            });
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return given()
        .header("Authorization", "Bearer " + Platform.env().adminToken())
        .contentType("application/json");
  }

  private static String liveSession(String amount) {
    return Cards.session(merchant.skLive(), amount, "https://example.com/thanks");
  }

  private static final Map<String, String> RRNS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String pay(String amount) {
    String paymentId =
        Cards.payThroughApi(liveSession(amount), Cards.VISA)
            .then()
            .statusCode(200)
            .extract()
            .path("payment_id");
    JsonPath payment = MerchantApi.awaitPaymentStatus(merchant.skLive(), paymentId, "completed");
    RRNS.put(paymentId, payment.getString("network.retrieval_reference_number"));
    return paymentId;
  }

  private static String rrnOf(String paymentId) {
    return RRNS.get(paymentId);
  }

  private static void refund(String paymentId, long amount) {
    String key = "reconciled-refund-" + paymentId;
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                given()
                        .header("X-Api-Key", merchant.skLive())
                        .header("Idempotency-Key", key)
                        .contentType("application/json")
                        .body(Map.of("payment_id", paymentId, "amount", amount))
                        .post(url("/v1/refunds"))
                        .statusCode()
                    == 200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "partially_refunded"
                    .equals(
                        given()
                            .header("X-Api-Key", merchant.skLive())
                            .get(url("/v1/payments/" + paymentId))
                            .then()
                            .extract()
                            .path("status")));
  }
}
