package dev.payplatform.payments;

import static dev.payplatform.payments.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's FX rates: guarded by the admin token, every update kept with its time, and the
 * rates a payment used frozen on it when it completed. (CHF and AUD are this class's own.)
 */
@QuarkusTest
class FxRatesAdminTest {

  @Test
  void theOperatorApiNeedsTheAdminToken() {
    given()
        .get("/admin/fx-rates")
        .then()
        .statusCode(401)
        .body("detail", is("Invalid admin token."));
    given()
        .header("Authorization", "Bearer wrong-token-wrong-token")
        .contentType("application/json")
        .body(Map.of("units_per_usd", "1.0"))
        .put("/admin/fx-rates/AUD")
        .then()
        .statusCode(401);
    // A merchant's credential is no operator credential.
    as(Api.newMerchant(), "live").get("/admin/fx-rates").then().statusCode(401);
  }

  @Test
  void currentRatesIncludeTheSeededReferenceRates() {
    admin()
        .get("/admin/fx-rates?limit=100")
        .then()
        .statusCode(200)
        .body("items.currency", hasItems("USD", "EUR", "GBP", "CAD", "CRC", "JPY", "MXN", "BHD"))
        .body("items.find { it.currency == 'USD' }.units_per_usd", is("1"))
        .body("items.find { it.currency == 'BHD' }.units_per_usd", is("0.376"))
        .body("items.find { it.currency == 'BHD' }.usd_per_unit", is("2.65957446809"))
        .body("items.find { it.currency == 'JPY' }.source", is("reference-seed"));
  }

  @Test
  void anUpdateBecomesCurrentAndTheHistoryIsKept() {
    admin()
        .body(Map.of("units_per_usd", "1.55", "source", "treasury desk"))
        .put("/admin/fx-rates/aud")
        .then()
        .statusCode(200)
        .body("currency", is("AUD"))
        .body("units_per_usd", is("1.55"))
        .body("source", is("treasury desk"));
    admin()
        .body(Map.of("units_per_usd", "1.5"))
        .put("/admin/fx-rates/AUD")
        .then()
        .statusCode(200)
        .body("units_per_usd", is("1.5"))
        .body("source", is("operator"));
    admin()
        .get("/admin/fx-rates?limit=100")
        .then()
        .body("items.find { it.currency == 'AUD' }.units_per_usd", is("1.5"));
    admin()
        .get("/admin/fx-rates/AUD/history?limit=3")
        .then()
        .statusCode(200)
        .body("items.units_per_usd[0]", is("1.5"))
        .body("items.units_per_usd[1]", is("1.55"))
        .body("items.source[1]", is("treasury desk"));
    assertThat(Db.count("select count(*) from fx_rate where currency = 'AUD'"))
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void badUpdatesAre422NamingTheField() {
    for (String bad : new String[] {"abc", "-1", "0", "0.000", "1e3", "1.1234567890123"}) {
      admin()
          .body(Map.of("units_per_usd", bad))
          .put("/admin/fx-rates/AUD")
          .then()
          .statusCode(422)
          .body("detail[0].loc", contains("body", "units_per_usd"));
    }
    admin()
        .body(Map.of())
        .put("/admin/fx-rates/AUD")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "units_per_usd"))
        .body("detail[0].type", is("value_error.missing"));
    admin()
        .body(Map.of("units_per_usd", "2"))
        .put("/admin/fx-rates/USD")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "units_per_usd"));
    admin()
        .body(Map.of("units_per_usd", "2"))
        .put("/admin/fx-rates/XYZ")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("path", "currency"));
  }

  @Test
  void ratesAreFrozenOnThePaymentWhenItCompletes() {
    admin().body(Map.of("units_per_usd", "0.80")).put("/admin/fx-rates/CHF").then().statusCode(200);
    String merchant = Api.newMerchant();
    Api.publishMerchant(merchant, "CHF", "CHF", 290, 30, "ALPINE");
    Db.awaitMerchantProfile(merchant);
    String before = complete(merchant, "10.00", "USD", 1000);

    admin().body(Map.of("units_per_usd", "0.90")).put("/admin/fx-rates/CHF").then().statusCode(200);
    String after = complete(merchant, "10.00", "USD", 1000);

    JsonNode frozen = entry(merchant, before);
    assertThat(frozen.get("exchange_usd_to_payout").decimalValue()).isEqualByComparingTo("0.8");
    assertThat(frozen.get("exchange_original_payout_to_usd").decimalValue())
        .isEqualByComparingTo("1.25");
    assertThat(frozen.get("exchange_usd_to_local").decimalValue()).isEqualByComparingTo("0.8");
    // 10.00 USD = 8.00 CHF: 2.9 % of 800 = 23.2 -> 23, + 30 rappen.
    assertThat(frozen.get("fee").decimalValue()).isEqualByComparingTo("0.53");
    assertThat(frozen.get("net").decimalValue()).isEqualByComparingTo("7.47");
    assertThat(frozen.get("net_currency").asText()).isEqualTo("CHF");

    JsonNode later = entry(merchant, after);
    assertThat(later.get("exchange_usd_to_payout").decimalValue()).isEqualByComparingTo("0.9");
    // 9.00 CHF: 2.9 % of 900 = 26.1 -> 26, + 30.
    assertThat(later.get("fee").decimalValue()).isEqualByComparingTo("0.56");
    assertThat(later.get("net").decimalValue()).isEqualByComparingTo("8.44");
    // The earlier payment still shows the rate it completed with.
    assertThat(entry(merchant, before).get("exchange_usd_to_payout").decimalValue())
        .isEqualByComparingTo("0.8");
  }

  private static String complete(String merchant, String amount, String currency, long minor) {
    String id = Api.createPayment(merchant, "test", amount, currency);
    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(id, minor, currency));
    Api.awaitStatus(merchant, "test", id, "completed");
    return id;
  }

  private static JsonNode entry(String merchant, String id) {
    JsonNode all =
        Api.read(as(merchant, "test").get("/v1/payments/internal").then().extract().asString());
    for (JsonNode e : all) {
      if (id.equals(e.get("id").asText())) {
        return e;
      }
    }
    throw new AssertionError(id + " not listed");
  }

  private static RequestSpecification admin() {
    return given()
        .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
        .contentType("application/json");
  }
}
