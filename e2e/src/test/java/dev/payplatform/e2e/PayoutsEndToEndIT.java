package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.payplatform.bankrail.Iso20022Schemas;
import dev.payplatform.bankrail.Pain001;
import dev.payplatform.bankrail.PaymentInitiation;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Payouts through the edge and the local bank (docs/payouts.md): a daily schedule run by the test
 * clock over three days of payments and a refund, each payout sent as a pain.001 to the bank's SFTP
 * server, confirmed by its pain.002 and camt.054, and paid; the always-returned account; the
 * balance check; and another merchant's payout. The ledger verifies after each.
 */
class PayoutsEndToEndIT {
  static final String BOOKED_IBAN = "DE89370400440532013000";
  // The local bank returns a transfer to an account ending 0004 (AC04, account closed) and rejects
  // one ending 0001 (AC01, incorrect account number).
  static final String RETURNED_IBAN = "DE83370400440532010004";
  static final String REJECTED_IBAN = "DE67370400440532010001";
  private static final Duration WAIT = Duration.ofSeconds(60);
  // 49.99 at 2.9 % + 30 cents: net 4824.
  private static final long NET = 4824;

  @Test
  void aDailyScheduleOverThreeDaysPaysEachDayOnceThroughTheBankAndEachPayoutSumsToItsItems() {
    Platform.Merchant m = Platform.newMerchant("Payout Daily Store");
    settings(
            m,
            Map.of(
                "schedule",
                Map.of("interval", "daily", "delay_days", 2),
                "external_account",
                Map.of("account_holder_name", "Daily Store GmbH", "iban", BOOKED_IBAN)))
        .then()
        .statusCode(200)
        .body("external_account.last4", equalTo("3000"));
    startAtNoon(m);

    // With delay_days 2, what became available on day D is paid out on day D + 2.
    String first = DisputesEndToEndIT.pay(m, Cards.VISA); // day 0
    DisputesEndToEndIT.awaitAvailable(m, NET);
    advanceDays(m, 1);
    DisputesEndToEndIT.pay(m, Cards.VISA); // day 1, and a refund of day 0's payment
    // Billing learns of the payment from payments.events: the refund is taken once it has.
    await()
        .atMost(WAIT)
        .until(
            () ->
                as(m.skTest())
                    .body(Map.of("payment_id", first, "amount", 1000))
                    .post(url("/v1/refunds"))
                    .statusCode(),
            code -> code == 200 || code == 201);
    DisputesEndToEndIT.awaitAvailable(m, 2 * NET - 1000);
    advanceDays(m, 1); // day 2 pays day 0
    assertPaid(m, 1, NET);
    DisputesEndToEndIT.pay(m, Cards.VISA);
    advanceDays(m, 1); // day 3 pays day 1: its payment less the refund
    assertPaid(m, 2, NET - 1000);
    advanceDays(m, 1); // day 4 pays day 2
    assertPaid(m, 3, NET);
    advanceDays(m, 2);
    assertThat(payouts(m)).hasSize(3);
    DisputesEndToEndIT.awaitAvailable(m, 0);

    // Every file sent is kept, and is a pain.001 the schema accepts.
    for (String id : payouts(m).stream().map(p -> (String) p.get("id")).toList()) {
      String xml =
          FaultTools.psql(
                  "payments",
                  "select f.content from bank_file f join payout p on p.batch_id = f.message_id"
                      + " where f.direction = 'sent' and p.id = '"
                      + id
                      + "'")
              .strip();
      Iso20022Schemas.validate(xml, "pain.001.001.09");
      PaymentInitiation sent = Pain001.read(xml);
      assertThat(sent.transfers()).anyMatch(t -> t.endToEndId().equals(id));
    }
    DisputesEndToEndIT.assertLedgerVerifies();
  }

  @Test
  void aPayoutToTheAlwaysReturnedAccountFailsWithItsReasonAndTheMoneyIsBackInAvailable()
      throws Exception {
    Platform.Merchant m = Platform.newMerchant("Payout Returned Store");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String secret =
          WebhooksEndToEndIT.endpoint(m.skTest(), receiver.url(), List.of("payout.*"))
              .getString("secret");
      returnedAndRejected(m);
      // The merchant heard it, signed.
      WebhookReceiver.Received failed = DisputesEndToEndIT.awaitWebhook(receiver, "payout.failed");
      new com.standardwebhooks.Webhook(secret).verify(failed.body(), failed.headers());
      assertThat(failed.body()).contains("\"failure_code\":\"account_closed\"");
      DisputesEndToEndIT.awaitWebhook(receiver, "payout.created");
    }
  }

  private static void returnedAndRejected(Platform.Merchant m) {
    settings(
            m,
            Map.of(
                "external_account",
                Map.of("account_holder_name", "Closed Account Ltd", "iban", RETURNED_IBAN)))
        .then()
        .statusCode(200);
    DisputesEndToEndIT.pay(m, Cards.VISA);
    DisputesEndToEndIT.awaitAvailable(m, NET);
    // A new account holds payouts for 24 hours of the payout clock.
    as(m.skTest())
        .body(Map.of("amount", NET, "currency", "USD"))
        .post(url("/v1/payouts"))
        .then()
        .statusCode(422)
        .body("detail[0].loc", equalTo(List.of("body", "destination")));
    startAtNoon(m);
    as(m.skTest())
        .body(Map.of("amount", NET + 1, "currency", "USD"))
        .post(url("/v1/payouts"))
        .then()
        .statusCode(422)
        .body("detail[0].loc", equalTo(List.of("body", "amount")));
    String id =
        as(m.skTest())
            .body(Map.of("amount", NET, "currency", "USD"))
            .post(url("/v1/payouts"))
            .then()
            .statusCode(200)
            .body("status", equalTo("pending"))
            .extract()
            .path("id");
    DisputesEndToEndIT.awaitAvailable(m, 0);

    JsonPath failed = awaitPayout(m, id, "failed");
    assertThat(failed.getString("failure_code")).isEqualTo("account_closed");
    assertThat(failed.getString("failure_message")).contains("AC04");
    assertThat(failed.getString("failure_balance_transaction")).startsWith("txn_");
    DisputesEndToEndIT.awaitAvailable(m, NET);

    // Another merchant's payout does not exist for it.
    Platform.Merchant other = Platform.newMerchant("Payout Other Store");
    as(other.skTest()).get(url("/v1/payouts/" + id)).then().statusCode(404);
    as(other.skTest()).post(url("/v1/payouts/" + id + "/cancel")).then().statusCode(404);

    // An account the bank does not know: rejected in its pain.002.
    settings(
            m,
            Map.of(
                "external_account",
                Map.of("account_holder_name", "Typo Ltd", "iban", REJECTED_IBAN)))
        .then()
        .statusCode(200);
    advanceDays(m, 2);
    String rejected =
        as(m.skTest())
            .body(Map.of("amount", 1000, "currency", "USD"))
            .post(url("/v1/payouts"))
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    assertThat(awaitPayout(m, rejected, "failed").getString("failure_code"))
        .isEqualTo("invalid_account_number");
    DisputesEndToEndIT.awaitAvailable(m, NET);
    DisputesEndToEndIT.assertLedgerVerifies();
  }

  private static void assertPaid(Platform.Merchant m, int count, long amount) {
    JsonPath payout = awaitNewestPayout(m, count, "paid");
    assertThat(payout.getLong("amount")).isEqualTo(amount);
    assertThat(payout.getBoolean("automatic")).isTrue();
    assertThat(itemsSum(m, payout.getString("id"))).isEqualTo(amount);
  }

  static RequestSpecification as(String key) {
    return DisputesEndToEndIT.as(key);
  }

  static io.restassured.response.Response settings(Platform.Merchant m, Map<String, Object> body) {
    return as(m.skTest()).body(body).post(url("/v1/payout_settings"));
  }

  /**
   * The first noon (UTC) more than a day away on the payout clock: the test never straddles
   * midnight, and a bank account added just now is past its 24-hour hold, whatever the time of day.
   */
  static void startAtNoon(Platform.Merchant m) {
    Instant noon = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
    while (noon.isBefore(Instant.now().plus(Duration.ofHours(25)))) {
      noon = noon.plus(Duration.ofDays(1));
    }
    as(m.skTest())
        .body(Map.of("to", noon.toString()))
        .post(url("/v1/payout_settings/test_clock/advance"))
        .then()
        .statusCode(200);
  }

  static void advanceDays(Platform.Merchant m, int days) {
    as(m.skTest())
        .body(Map.of("seconds", Duration.ofDays(days).toSeconds()))
        .post(url("/v1/payout_settings/test_clock/advance"))
        .then()
        .statusCode(200);
  }

  static List<Map<String, Object>> payouts(Platform.Merchant m) {
    return as(m.skTest())
        .get(url("/v1/payouts?limit=100"))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static JsonPath awaitNewestPayout(Platform.Merchant m, int count, String status) {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                as(m.skTest()).get(url("/v1/payouts")).then().statusCode(200).extract().jsonPath(),
            page ->
                page.getInt("total_items") == count
                    && status.equals(page.getString("items[0].status")))
        .setRootPath("items[0]");
  }

  static JsonPath awaitPayout(Platform.Merchant m, String id, String status) {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                as(m.skTest())
                    .get(url("/v1/payouts/" + id))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            p -> status.equals(p.getString("status")));
  }

  static long itemsSum(Platform.Merchant m, String payoutId) {
    List<Map<String, Object>> items =
        as(m.skTest())
            .get(url("/v1/balance_transactions?limit=100&payout=" + payoutId))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    assertThat(items).isNotEmpty();
    return items.stream().mapToLong(i -> ((Number) i.get("net")).longValue()).sum();
  }
}
