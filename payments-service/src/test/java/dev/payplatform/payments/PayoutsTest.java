package dev.payplatform.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Payouts (docs/payouts.md) against the running service and its real database: the settings, the
 * manual payout's balance check, cancel, and the daily schedule run by the test clock, each payout
 * paying exactly its items. No bank is configured here, so payouts stay pending (the e2e suite
 * sends them to the local bank).
 */
@QuarkusTest
class PayoutsTest {
  // A valid IBAN (ISO 13616 check digits) that the local bank books.
  static final String IBAN = "DE89370400440532013000";

  @Test
  void aManualPayoutAboveTheAvailableBalanceIsRefusedNamingTheAmount() {
    String merchant = Api.newMerchant();
    pay(merchant, 4999);
    long available = Api.availableUsd(merchant);
    settings(merchant, Map.of("external_account", ibanAccount()))
        .then()
        .statusCode(200)
        .body("external_account.last4", is("3000"))
        .body("external_account.id", org.hamcrest.Matchers.startsWith("ba_"))
        .body("external_account.iban", nullValue());

    // A new bank account holds payouts for 24 hours.
    Api.as(merchant, "test")
        .body(Map.of("amount", 100, "currency", "USD"))
        .post("/v1/payouts")
        .then()
        .statusCode(422)
        .body("detail[0].loc", is(List.of("body", "destination")));
    startAtNoon(merchant);

    Api.as(merchant, "test")
        .body(Map.of("amount", 1.5, "currency", "USD"))
        .post("/v1/payouts")
        .then()
        .statusCode(422)
        .body("detail[0].loc", is(List.of("body", "amount")));
    Api.as(merchant, "test")
        .body(Map.of("amount", available + 1, "currency", "USD"))
        .post("/v1/payouts")
        .then()
        .statusCode(422)
        .body("detail[0].loc", is(List.of("body", "amount")));

    JsonPath payout =
        Api.as(merchant, "test")
            .body(Map.of("amount", available - 100, "currency", "usd", "description", "Week 49"))
            .post("/v1/payouts")
            .then()
            .statusCode(200)
            .body("object", is("payout"))
            .body("status", is("pending"))
            .body("automatic", is(false))
            .body("currency", is("USD"))
            .body("method", is("standard"))
            .extract()
            .jsonPath();
    String id = payout.getString("id");
    assertThat(id).startsWith("po_");
    assertThat(Api.availableUsd(merchant)).isEqualTo(100);
    Api.as(merchant, "test")
        .get("/v1/balance_transactions/" + payout.getString("balance_transaction"))
        .then()
        .statusCode(200)
        .body("type", is("payout"))
        .body("net", is((int) -(available - 100)));

    // Another merchant's, or the other mode's, payout does not exist.
    String other = Api.newMerchant();
    Api.as(other, "test").get("/v1/payouts/" + id).then().statusCode(404);
    Api.as(merchant, "live").get("/v1/payouts/" + id).then().statusCode(404);
    Api.as(other, "test").post("/v1/payouts/" + id + "/cancel").then().statusCode(404);

    Api.as(merchant, "test")
        .post("/v1/payouts/" + id + "/cancel")
        .then()
        .statusCode(200)
        .body("status", is("canceled"));
    Api.as(merchant, "test")
        .post("/v1/payouts/" + id + "/cancel")
        .then()
        .statusCode(200)
        .body("status", is("canceled"));
    assertThat(Api.availableUsd(merchant)).isEqualTo(available);
    for (String type : List.of("payout.created", "payout.canceled")) {
      com.fasterxml.jackson.databind.JsonNode data = PaymentLifecycleTest.awaitEvent(id, type);
      assertThat(dev.payplatform.commons.testing.EventSchemas.violations("payments", type, data))
          .as(type + " " + data)
          .isEmpty();
    }
    Api.as(merchant, "test")
        .get("/v1/payouts?status=canceled")
        .then()
        .statusCode(200)
        .body("total_items", is(1))
        .body("items[0].id", is(id));
    Api.assertLedgerVerifies();
  }

  @Test
  void theTestClockRunsADailyScheduleAndEachPayoutPaysExactlyItsItems() {
    String merchant = Api.newMerchant();
    settings(
            merchant,
            Map.of(
                "external_account",
                ibanAccount(),
                "schedule",
                Map.of("interval", "daily", "delay_days", 2)))
        .then()
        .statusCode(200)
        .body("schedule.interval", is("daily"))
        .body("schedule.delay_days", is(2))
        .body("payouts_held_until", org.hamcrest.Matchers.notNullValue());
    // A manual payout is refused on an automatic schedule.
    Api.as(merchant, "test")
        .body(Map.of("amount", 1, "currency", "USD"))
        .post("/v1/payouts")
        .then()
        .statusCode(400);

    startAtNoon(merchant);
    pay(merchant, 1000); // day 0
    long day0 = Api.availableUsd(merchant);
    advanceDays(merchant, 1);
    pay(merchant, 2000); // day 1
    long day1 = Api.availableUsd(merchant) - day0;
    assertThat(payouts(merchant)).isEmpty();

    advanceDays(merchant, 1); // day 2 pays day 0
    List<Map<String, Object>> first = payouts(merchant);
    assertThat(first).hasSize(1);
    assertThat(((Number) first.get(0).get("amount")).longValue()).isEqualTo(day0);
    assertThat(first.get(0).get("automatic")).isEqualTo(true);
    assertThat(itemsSum(merchant, (String) first.get(0).get("id"))).isEqualTo(day0);

    advanceDays(merchant, 1); // day 3 pays day 1
    List<Map<String, Object>> second = payouts(merchant);
    assertThat(second).hasSize(2);
    assertThat(((Number) second.get(0).get("amount")).longValue()).isEqualTo(day1);
    assertThat(itemsSum(merchant, (String) second.get(0).get("id"))).isEqualTo(day1);

    advanceDays(merchant, 2); // nothing left to pay
    assertThat(payouts(merchant)).hasSize(2);
    assertThat(Api.availableUsd(merchant)).isZero();
    Api.assertLedgerVerifies();
  }

  @Test
  void badBankAccountsAndALiveTestClockAreRefused() {
    String merchant = Api.newMerchant();
    settings(
            merchant,
            Map.of(
                "external_account",
                Map.of("account_holder_name", "Ann", "iban", "DE89370400440532013001")))
        .then()
        .statusCode(422)
        .body("detail[0].loc", is(List.of("body", "external_account", "iban")));
    settings(
            merchant,
            Map.of(
                "external_account",
                Map.of(
                    "account_holder_name",
                    "Ann",
                    "account_number",
                    "000123456789",
                    "routing_number",
                    "110000001")))
        .then()
        .statusCode(422)
        .body("detail[0].loc", is(List.of("body", "external_account", "routing_number")));
    settings(merchant, Map.of("schedule", Map.of("interval", "weekly"))).then().statusCode(422);
    settings(merchant, Map.of("schedule", Map.of("interval", "weekly", "weekly_anchor", "friday")))
        .then()
        .statusCode(200)
        .body("schedule.weekly_anchor", is("friday"));
    Api.as(merchant, "live")
        .body(Map.of("seconds", 86400))
        .post("/v1/payout_settings/test_clock/advance")
        .then()
        .statusCode(400);
    Api.as(merchant, "live")
        .get("/v1/payout_settings")
        .then()
        .statusCode(200)
        .body("schedule.interval", is("manual"))
        .body("external_account", nullValue())
        .body("test_clock", nullValue());
  }

  @Test
  void anOperatorSetsAMerchantsBankAccountWithTheOperatorTokenOnly() {
    String merchant = Api.newMerchant();
    Map<String, Object> body =
        Map.of(
            "external_account",
            Map.of(
                "account_holder_name",
                "Onboarded Ltd",
                "account_number",
                "000123456789",
                "routing_number",
                "110000000"));
    given()
        .contentType("application/json")
        .body(body)
        .post("/admin/payout_settings/" + merchant + "?livemode=true")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
        .contentType("application/json")
        .body(body)
        .post("/admin/payout_settings/" + merchant + "?livemode=true")
        .then()
        .statusCode(200)
        .body("external_account.last4", is("6789"))
        .body("external_account.routing_number", is("110000000"))
        .body("external_account.country", is("US"));
    Api.as(merchant, "live")
        .get("/v1/payout_settings")
        .then()
        .statusCode(200)
        .body("external_account.last4", is("6789"))
        .body("payouts_held_until", org.hamcrest.Matchers.notNullValue());
    Api.as(merchant, "test")
        .get("/v1/payout_settings")
        .then()
        .statusCode(200)
        .body("external_account", nullValue());
  }

  static io.restassured.response.Response settings(String merchant, Map<String, Object> body) {
    return Api.as(merchant, "test").body(body).post("/v1/payout_settings");
  }

  static Map<String, Object> ibanAccount() {
    return Map.of("account_holder_name", "Ann Example GmbH", "iban", "DE89 3704 0044 0532 0130 00");
  }

  private static void advanceDays(String merchant, int days) {
    Api.as(merchant, "test")
        .body(Map.of("seconds", Duration.ofDays(days).toSeconds()))
        .post("/v1/payout_settings/test_clock/advance")
        .then()
        .statusCode(200)
        .body("test_clock.advanced_seconds", org.hamcrest.Matchers.greaterThan(0));
  }

  private static List<Map<String, Object>> payouts(String merchant) {
    return Api.as(merchant, "test")
        .get("/v1/payouts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static long itemsSum(String merchant, String payoutId) {
    List<Map<String, Object>> items =
        Api.as(merchant, "test")
            .get("/v1/balance_transactions?limit=100&payout=" + payoutId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    assertThat(items).isNotEmpty();
    return items.stream().mapToLong(i -> ((Number) i.get("net")).longValue()).sum();
  }

  private static void pay(String merchant, long amount) {
    String id =
        Api.createPayment(
            merchant, "test", String.format("%d.%02d", amount / 100, amount % 100), "USD");
    ObjectNode success = Api.succeeded(id, amount, "USD");
    Api.publishCheckout("payment_intent.succeeded", merchant, false, success);
    Api.awaitStatus(merchant, "test", id, "completed");
  }

  /** Moves the clock to noon of the next day, so that a test never straddles midnight. */
  static void startAtNoon(String merchant) {
    // The first noon (UTC) more than a day away: past the 24-hour hold on a bank account added
    // just now, whatever the time of day the test runs at.
    Instant noon =
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(12));
    while (noon.isBefore(Instant.now().plus(Duration.ofHours(25)))) {
      noon = noon.plus(Duration.ofDays(1));
    }
    String now =
        Api.as(merchant, "test")
            .body(Map.of("to", noon.toString()))
            .post("/v1/payout_settings/test_clock/advance")
            .then()
            .statusCode(200)
            .extract()
            .path("test_clock.now");
    // The clock reached noon and runs on from there.
    assertThat(Instant.parse(now)).isBetween(noon, noon.plusSeconds(60));
  }
}
