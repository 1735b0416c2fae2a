package dev.payplatform.payments;

import static dev.payplatform.payments.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/payments/internal: 001's schema, and fee, net and FX as frozen at completion, on several
 * plans and currencies (docs/payments.md). Numbers are read from the raw JSON as decimals.
 */
@QuarkusTest
class FeesNetAndInternalListingTest {

  @Test
  void theInternalListingHas001sFieldsInOrder() {
    String merchant = Api.newMerchant();
    Api.publishMerchant(merchant, "USD", "CRC", 550, 0, "JUANPESA");
    Db.awaitMerchantProfile(merchant);
    String id = complete(merchant, "100.00", "USD", 10000);
    JsonNode entry = internal(merchant, id);
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertThat(keys)
        .containsExactly(
            "id",
            "product",
            "customer",
            "amount",
            "fee",
            "currency",
            "description",
            "statement_description",
            "status",
            "capture",
            "created_on",
            "refund",
            "captured",
            "test",
            "card_last4",
            "card_exp_month",
            "card_exp_year",
            "card_country",
            "card_brand",
            "exchange_usd_to_payout",
            "exchange_original_payout_to_usd",
            "exchange_usd_to_local",
            "exchange_original_local_to_usd",
            "currency_local",
            "net",
            "net_currency");
    // 001's sample, reproduced: 100.0 USD at 5.5 % + 0 settling in USD, local CRC at 533.48.
    assertThat(entry.get("amount").isNumber()).isTrue();
    assertThat(entry.get("amount").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(entry.get("fee").decimalValue()).isEqualByComparingTo("5.5");
    assertThat(entry.get("net").decimalValue()).isEqualByComparingTo("94.5");
    assertThat(entry.get("net_currency").asText()).isEqualTo("USD");
    assertThat(entry.get("currency").asText()).isEqualTo("USD");
    assertThat(entry.get("currency_local").asText()).isEqualTo("CRC");
    assertThat(entry.get("statement_description").asText()).isEqualTo("JUANPESA");
    assertThat(entry.get("status").asText()).isEqualTo("succeeded");
    assertThat(entry.get("capture").asBoolean()).isTrue();
    assertThat(entry.get("refund").isNull()).isTrue();
    assertThat(entry.get("test").asBoolean()).isTrue();
    assertThat(entry.get("created_on").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    assertThat(entry.get("captured").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    assertThat(entry.get("card_last4").asText()).isEqualTo("4242");
    assertThat(entry.get("card_brand").asText()).isEqualTo("visa");
    assertThat(entry.get("card_exp_month").asText()).isEqualTo("12");
    assertThat(entry.get("card_exp_year").asText()).isEqualTo("2030");
    assertThat(entry.get("card_country").asText()).isEqualTo("US");
    assertThat(entry.get("exchange_usd_to_payout").decimalValue()).isEqualByComparingTo("1");
    assertThat(entry.get("exchange_original_payout_to_usd").decimalValue())
        .isEqualByComparingTo("1");
    assertThat(entry.get("exchange_usd_to_local").decimalValue()).isEqualByComparingTo("533.48");
    assertThat(entry.get("exchange_original_local_to_usd").decimalValue())
        .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("533.48"), new MathContext(12)));
    assertThat(Db.row("select fee_plan from payment where id = ?", id))
        .containsEntry("fee_plan", "merchant");
  }

  @Test
  void aPendingPaymentHasNoFeeYetAndEmptyCardFields() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "12.34", "USD");
    JsonNode entry = internal(merchant, id);
    assertThat(entry.get("status").asText()).isEqualTo("pending");
    assertThat(entry.get("amount").decimalValue()).isEqualByComparingTo("12.34");
    assertThat(entry.get("fee").isNull()).isTrue();
    assertThat(entry.get("net").isNull()).isTrue();
    assertThat(entry.get("card_last4").asText()).isEmpty();
    assertThat(entry.get("captured").isNull()).isTrue();
    assertThat(entry.get("product").isNull()).isTrue();
  }

  @Test
  void theDefaultPlanAppliesToAMerchantNotYetKnownAndIsRecorded() {
    String merchant = Api.newMerchant();
    // 2.9 % of 10000 = 290, + 30.
    String id = complete(merchant, "100.00", "USD", 10000);
    expect(internal(merchant, id), "3.2", "96.8", "USD");
    assertThat(Db.row("select fee_plan, fee_basis_points, fee_fixed from payment where id = ?", id))
        .containsEntry("fee_plan", "default")
        .containsEntry("fee_basis_points", 290)
        .containsEntry("fee_fixed", 30L);
    // JPY has no decimals: 2.9 % of 1000 = 29, + 30 yen.
    String yen = complete(merchant, "1000", "JPY", 1000);
    JsonNode e = internal(merchant, yen);
    expect(e, "59", "941", "JPY");
    assertThat(e.get("currency_local").asText()).isEqualTo("JPY");
    assertThat(e.get("exchange_usd_to_payout").decimalValue()).isEqualByComparingTo("155");
  }

  @Test
  void feesRoundHalfUpWhereBankersRoundingWouldDiffer() {
    String merchant = Api.newMerchant();
    // 2.9 % of 500 = 14.5: half-up 15 (banker's 14), + 30 = 45.
    expect(internal(merchant, complete(merchant, "5.00", "USD", 500)), "0.45", "4.55", "USD");
    // 2.9 % of 2500 = 72.5: half-up 73 (banker's 72), + 30 = 103.
    expect(internal(merchant, complete(merchant, "25.00", "USD", 2500)), "1.03", "23.97", "USD");
  }

  @Test
  void aThreeDecimalCurrencyOnItsOwnPlan() {
    String merchant = Api.newMerchant();
    Api.publishMerchant(merchant, "BHD", "BHD", 250, 100, "GULF SHOP");
    Db.awaitMerchantProfile(merchant);
    // 2.5 % of 12345 fils = 308.625 -> 309, + 100 fils.
    expect(
        internal(merchant, complete(merchant, "12.345", "BHD", 12345)), "0.409", "11.936", "BHD");
  }

  @Test
  void aPaymentInAnotherCurrencySettlesInTheMerchantsCurrency() {
    String merchant = Api.newMerchant();
    Api.publishMerchant(merchant, "USD", "CRC", 300, 30, "CROSS BORDER");
    Db.awaitMerchantProfile(merchant);
    // 100.00 EUR at 0.86 EUR per USD = 116.279… USD -> 11628 cents; 3 % = 348.84 -> 349, + 30.
    String id = complete(merchant, "100.00", "EUR", 10000);
    JsonNode e = internal(merchant, id);
    assertThat(e.get("amount").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(e.get("currency").asText()).isEqualTo("EUR");
    expect(e, "3.79", "112.49", "USD");
    assertThat(
            Db.row("select settled_amount, fx_payment_units_per_usd from payment where id = ?", id))
        .containsEntry("settled_amount", 11628L);
  }

  @Test
  void withoutARateForTheConversionThePaymentSettlesInItsOwnCurrency() {
    String merchant = Api.newMerchant();
    Api.publishMerchant(merchant, "SEK", "SEK", 200, 50, "NORDIC");
    Db.awaitMerchantProfile(merchant);
    // No SEK rate: 2 % of 10000 = 200, + 50 counted in USD cents.
    String id = complete(merchant, "100.00", "USD", 10000);
    expect(internal(merchant, id), "2.5", "97.5", "USD");
    assertThat(Db.row("select fee_plan from payment where id = ?", id))
        .containsEntry("fee_plan", "merchant_no_fx");
  }

  @Test
  void theFeeNeverExceedsTheAmount() {
    String merchant = Api.newMerchant();
    // 2.9 % of 10 = 0.29 -> 0, + 30 = 30 > 10: capped at 10, net 0.
    expect(internal(merchant, complete(merchant, "0.10", "USD", 10)), "0.1", "0", "USD");
  }

  @Test
  void aLaterPlanChangeAppliesToLaterPaymentsOnly() {
    String merchant = Api.newMerchant();
    Api.publishMerchant(merchant, "USD", "USD", 100, 0, "PLAN A");
    Db.awaitMerchantProfile(merchant);
    String before = complete(merchant, "100.00", "USD", 10000);
    Api.publishMerchant(merchant, "USD", "USD", 400, 0, "PLAN B");
    await()
        .atMost(Api.EVENTUALLY)
        .until(
            () ->
                Db.count(
                        "select count(*) from merchant_profile where merchant_id = ? and fee_basis_points = 400",
                        merchant)
                    == 1);
    String after = complete(merchant, "100.00", "USD", 10000);
    expect(internal(merchant, before), "1", "99", "USD");
    expect(internal(merchant, after), "4", "96", "USD");
    assertThat(internal(merchant, after).get("statement_description").asText()).isEqualTo("PLAN B");
  }

  @Test
  void anOlderMerchantEventNeverRollsThePlanBack() {
    String merchant = Api.newMerchant();
    Api.publishMerchant(merchant, "USD", "USD", 350, 10, "CURRENT");
    Db.awaitMerchantProfile(merchant);
    String stale =
        Api.publishMerchant(
            merchant, "EUR", "EUR", 900, 99, "STALE", Instant.now().minusSeconds(3600));
    await()
        .atMost(Api.EVENTUALLY)
        .until(() -> Db.count("select count(*) from inbox_event where event_id = ?", stale) == 1);
    assertThat(
            Db.row(
                "select settlement_currency, fee_basis_points, statement_descriptor"
                    + " from merchant_profile where merchant_id = ?",
                merchant))
        .containsEntry("settlement_currency", "USD")
        .containsEntry("fee_basis_points", 350)
        .containsEntry("statement_descriptor", "CURRENT");
  }

  private static String complete(String merchant, String amount, String currency, long minor) {
    String id = Api.createPayment(merchant, "test", amount, currency);
    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(id, minor, currency));
    Api.awaitStatus(merchant, "test", id, "completed");
    return id;
  }

  private static JsonNode internal(String merchant, String id) {
    JsonNode all =
        Api.read(
            as(merchant, "test")
                .get("/v1/payments/internal?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    for (JsonNode e : all) {
      if (id.equals(e.get("id").asText())) {
        return e;
      }
    }
    throw new AssertionError(id + " is not listed: " + all);
  }

  private static void expect(JsonNode e, String fee, String net, String netCurrency) {
    assertThat(e.get("fee").decimalValue()).as("fee").isEqualByComparingTo(fee);
    assertThat(e.get("net").decimalValue()).as("net").isEqualByComparingTo(net);
    assertThat(e.get("net_currency").asText()).isEqualTo(netCurrency);
    assertThat(Map.of("amount_is_number", e.get("amount").isNumber()))
        .containsEntry("amount_is_number", true);
  }
}
