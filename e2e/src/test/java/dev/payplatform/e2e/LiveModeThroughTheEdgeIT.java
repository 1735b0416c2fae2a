package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Live mode end to end (docs/connectors.md): a merchant's live key, its gateway account, the ISO
 * 8583 connector and the acquirer host that {@code deploy/local/platform up} starts. A hosted live
 * payment paid in Chromium completes with the acquirer's authorization code and RRN; a declined
 * card shows its mapped reason on the page and in the API; every mapped response code declines
 * through the edge; a refund reaches the acquirer as a refund; and test mode never sees any of it.
 */
@Order(12)
class LiveModeThroughTheEdgeIT {
  private static Platform.LiveMerchant merchant;
  private static OpsConsumer ops;

  @BeforeAll
  static void liveMerchant() {
    Platform.env();
    merchant = Platform.newLiveMerchant("Live Shop");
    ops = new OpsConsumer();
  }

  @AfterAll
  static void close() {
    if (ops != null) {
      ops.close();
    }
  }

  @Test
  void aHostedLivePaymentPaidInChromiumCompletesWithTheAcquirersAuthorizationCodeAndRrn() {
    MerchantSite site = new MerchantSite();
    try (Browser browser = new Browser();
        site) {
      String returnUrl = site.returnUrl("/thanks");
      String paymentId = hostedPayment("31.40", returnUrl);
      browser.open(redirectOf(paymentId));
      browser.payWith(Cards.VISA);
      browser.awaitUrlStartingWith(returnUrl);

      JsonPath payment = MerchantApi.awaitPaymentStatus(merchant.skLive(), paymentId, "completed");
      String rrn = payment.getString("network.retrieval_reference_number");
      AcquirerControl.Transaction atAcquirer =
          AcquirerControl.transactions(merchant.cardAcceptorId()).stream()
              .filter(t -> t.rrn().equals(rrn))
              .findFirst()
              .orElseThrow();
      assertThat(atAcquirer.status()).isEqualTo("approved");
      assertThat(atAcquirer.amount()).isEqualTo(3140);
      assertThat(payment.getString("network.authorization_code"))
          .isEqualTo(atAcquirer.authorizationCode());
      assertThat(payment.getString("network.response_code")).isEqualTo("00");
      assertThat(payment.getBoolean("test")).isFalse();

      OpsConsumer.Event succeeded =
          ops
              .awaitEvent(
                  e -> e.type().equals("payment.succeeded") && paymentId.equals(e.key()),
                  Duration.ofSeconds(30))
              .stream()
              .filter(e -> e.type().equals("payment.succeeded") && paymentId.equals(e.key()))
              .findFirst()
              .orElseThrow();
      assertThat(succeeded.livemode()).isEqualTo("true");
      assertThat(succeeded.data().path("network").path("retrieval_reference_number").asText())
          .isEqualTo(rrn);
      OpsConsumer.assertValid(succeeded);

      // The ledger books it as in test mode: the net is pending on the live balance.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          given()
                              .header("X-Api-Key", merchant.skLive())
                              .get(url("/v1/balance"))
                              .then()
                              .statusCode(200)
                              .extract()
                              .jsonPath()
                              .getList("pending.amount", Integer.class))
                      .isNotEmpty());
      // Live mode stays apart: the test key does not see the live payment.
      given()
          .header("X-Api-Key", merchant.merchant().skTest())
          .get(url("/v1/payments/" + paymentId))
          .then()
          .statusCode(404);
    }
  }

  @Test
  void aDeclinedLiveCardShowsItsMappedReasonOnThePageAndInTheApi() {
    MerchantSite site = new MerchantSite();
    try (Browser browser = new Browser();
        site) {
      String paymentId = hostedPayment("12.00", site.returnUrl("/never"));
      browser.open(redirectOf(paymentId));
      browser.payWith("4000058300510005");
      String notice =
          browser.waitFor(
              d -> {
                String text = d.findElement(org.openqa.selenium.By.id("notice")).getText();
                return text.isBlank() ? null : text;
              });
      assertThat(notice.toLowerCase()).contains("insufficient funds");
      JsonPath failed = MerchantApi.awaitPaymentStatus(merchant.skLive(), paymentId, "failed");
      assertThat(failed.getString("network.response_code")).isEqualTo("51");
    }
  }

  @Test
  void everyMappedResponseCodeDeclinesThroughTheEdge() {
    Map<String, String> cards = new java.util.LinkedHashMap<>();
    cards.put("4000058300050002", "card_declined");
    cards.put("4000058300140001", "incorrect_number");
    cards.put("4000058300510005", "insufficient_funds");
    cards.put("4000058300540002", "expired_card");
    cards.put("4000058300550001", "incorrect_cvc");
    cards.put("4000058300820008", "incorrect_cvc");
    cards.put("4000000000000127", "incorrect_cvc");
    cards.put("4000058300570009", "transaction_not_allowed");
    cards.put("4000058300590007", "fraudulent");
    cards.put("4000058300610003", "card_velocity_exceeded");
    cards.put("4000058300650009", "card_velocity_exceeded");
    cards.put("4000058300910007", "processing_error");
    cards.put("4000058300960002", "processing_error");
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, String> card : cards.entrySet()) {
      // A merchant of its own per card (on the same gateway account): the fraud rules block a
      // merchant's buyer address after a few declines, as they should.
      Platform.LiveMerchant shop =
          Platform.newLiveMerchant(
              "Live Decline", merchant.gatewayAccountId(), merchant.cardAcceptorId());
      String session = liveSession(shop, "5.00");
      seen.put(
          card.getKey(),
          Cards.payThroughApi(session, card.getKey())
              .then()
              .statusCode(402)
              .extract()
              .path("error.decline_reason"));
    }
    assertThat(seen).isEqualTo(cards);
  }

  @Test
  void aLiveRefundReachesTheAcquirerAsARefund() {
    String paymentId =
        Cards.payThroughApi(liveSession("20.00"), Cards.VISA)
            .then()
            .statusCode(200)
            .extract()
            .path("payment_id");
    JsonPath payment = MerchantApi.awaitPaymentStatus(merchant.skLive(), paymentId, "completed");
    String rrn = payment.getString("network.retrieval_reference_number");
    // Billing learns of the payment from payments.events a moment after it completes; the same
    // Idempotency-Key makes the retries one refund.
    String key = "live-refund-" + paymentId;
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                given()
                        .header("X-Api-Key", merchant.skLive())
                        .header("Idempotency-Key", key)
                        .contentType("application/json")
                        .body(Map.of("payment_id", paymentId, "amount", 750))
                        .post(url("/v1/refunds"))
                        .statusCode()
                    == 200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(AcquirerControl.transactions(merchant.cardAcceptorId()))
                    .filteredOn(t -> "refund".equals(t.type()) && rrn.equals(t.originalRrn()))
                    .singleElement()
                    .satisfies(
                        t -> {
                          assertThat(t.amount()).isEqualTo(750);
                          assertThat(t.status()).isEqualTo("approved");
                        }));
    MerchantApi.awaitPaymentStatus(merchant.skLive(), paymentId, "partially_refunded");
  }

  @Test
  void theConsoleShowsTheGatewayAccountReadOnlyAndALivePaymentsNetworkAnswer() {
    String paymentId =
        Cards.payThroughApi(liveSession("8.00"), Cards.VISA)
            .then()
            .statusCode(200)
            .extract()
            .path("payment_id");
    JsonPath payment = MerchantApi.awaitPaymentStatus(merchant.skLive(), paymentId, "completed");
    String email =
        "live-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    given()
        .header("Authorization", "Bearer " + Platform.env().adminToken())
        .contentType("application/json")
        .body(Map.of("email", email, "role", "developer", "password", ConsoleIT.PASSWORD))
        .post(url("/admin/merchants/" + merchant.id() + "/users"))
        .then()
        .statusCode(201);
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(email, ConsoleIT.PASSWORD);
      b.heading("Home");
      b.open("#/developers");
      b.heading("Developers");
      b.awaitText(merchant.gatewayAccountId());
      new org.openqa.selenium.support.ui.Select(b.field("Mode")).selectByValue("live");
      b.awaitText("Switched to live mode.");
      b.open("#/payments/" + paymentId);
      b.awaitText(payment.getString("network.retrieval_reference_number"));
      b.awaitText(payment.getString("network.authorization_code"));
      b.awaitText("Retrieval reference number");
    }
  }

  private static String liveSession(String amount) {
    return liveSession(merchant, amount);
  }

  private static String liveSession(Platform.LiveMerchant shop, String amount) {
    return Cards.session(shop.skLive(), amount, "https://example.com/thanks");
  }

  private static final Map<String, String> REDIRECTS = new HashMap<>();

  private static String hostedPayment(String amount, String returnUrl) {
    JsonPath created =
        given()
            .header("X-Api-Key", merchant.skLive())
            .contentType("application/json")
            .body(
                Map.of(
                    "amount",
                    amount,
                    "description",
                    "Live order",
                    "currency",
                    "USD",
                    "items",
                    List.of("Thing"),
                    "return_url",
                    returnUrl))
            .post(url("/v1/payments/"))
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    String id = created.getString("data.id_payment");
    REDIRECTS.put(id, created.getString("data.redirect"));
    return id;
  }

  private static String redirectOf(String paymentId) {
    return REDIRECTS.get(paymentId);
  }
}
