package dev.payplatform.payments;

import static dev.payplatform.payments.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The console's reads: {@code GET /v1/payments/summary} (per UTC day and currency, succeeded volume
 * and the success rate) and the list's {@code created[gte]}/{@code created[lte]} filters.
 */
@QuarkusTest
class PaymentSummaryAndDateFiltersTest {

  @Test
  void theSummaryCountsTodaysPaymentsPerCurrencyWithSucceededVolumeAndSuccessRate() {
    String merchant = Api.newMerchant();
    String paid = Api.createPayment(merchant, "test", "12.50", "USD");
    String declined = Api.createPayment(merchant, "test", "3.00", "USD");
    Api.createPayment(merchant, "test", "7.00", "USD"); // still pending
    Api.createPayment(merchant, "test", "1000", "JPY");
    Api.createPayment(merchant, "live", "99.00", "USD"); // the other mode: never counted
    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(paid, 1250, "USD"));
    Api.publishCheckout(
        "payment_intent.payment_failed",
        merchant,
        false,
        Api.failed(declined, 300, "USD", "card_declined"));
    Api.awaitStatus(merchant, "test", paid, "completed");
    Api.awaitStatus(merchant, "test", declined, "failed");

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    as(merchant, "test")
        .get("/v1/payments/summary?days=7")
        .then()
        .statusCode(200)
        .body("object", is("payment_summary"))
        .body("days", is(7))
        .body("since", is(LocalDate.now(ZoneOffset.UTC).minusDays(6).toString()))
        .body("by_day.currency", containsInAnyOrder("JPY", "USD"))
        .body("by_day.find { it.currency == 'USD' }.date", is(today))
        .body("by_day.find { it.currency == 'USD' }.count", is(3))
        .body("by_day.find { it.currency == 'USD' }.succeeded", is(1))
        .body("by_day.find { it.currency == 'USD' }.failed", is(1))
        .body("by_day.find { it.currency == 'USD' }.volume", is(1250))
        .body("by_currency.find { it.currency == 'JPY' }.count", is(1))
        .body("by_currency.find { it.currency == 'JPY' }.volume", is(0))
        .body("success_rate", is(0.5f));
    as(merchant, "live")
        .get("/v1/payments/summary")
        .then()
        .statusCode(200)
        .body("days", is(30))
        .body("by_currency.count", contains(1));
  }

  @Test
  void aWindowOutsideOneToNinetyDaysIs422() {
    String merchant = Api.newMerchant();
    for (String bad : new String[] {"0", "91", "x"}) {
      as(merchant, "test")
          .get("/v1/payments/summary?days=" + bad)
          .then()
          .statusCode(422)
          .body("detail[0].loc", contains("query", "days"));
    }
  }

  @Test
  void theListFiltersByCreationTime() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "5.00", "USD");
    long now = Instant.now().getEpochSecond();
    as(merchant, "test")
        .get("/v1/payments?created[gte]=" + (now - 60) + "&created[lte]=" + (now + 60))
        .then()
        .statusCode(200)
        .header("X-Total-Count", "1")
        .body("id", contains(id));
    as(merchant, "test")
        .get("/v1/payments?created[gte]=" + Instant.ofEpochSecond(now + 3600))
        .then()
        .statusCode(200)
        .header("X-Total-Count", "0");
    as(merchant, "test")
        .get("/v1/payments?created[lte]=yesterday&status=nope")
        .then()
        .statusCode(422)
        .body("detail.loc", hasItem(contains("query", "created[lte]")))
        .body("detail.loc", hasItem(contains("query", "status")));
  }
}
