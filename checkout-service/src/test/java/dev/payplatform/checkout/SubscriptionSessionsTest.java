package dev.payplatform.checkout;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.payplatform.commons.ids.Ids;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A subscription-mode session is created only for a plan and a customer of the same merchant and
 * mode, at the plan's price: a buyer is never charged with no subscription behind the charge.
 */
@QuarkusTest
class SubscriptionSessionsTest {

  @Test
  void aPlanOrCustomerThisMerchantDoesNotHaveIsA404AndNoSession() {
    String merchant = Api.newMerchant();
    String customer = Catalog.customer(merchant, false);
    String plan = Catalog.plan(merchant, false, 1900, "USD");
    String othersPlan = Catalog.plan(Api.newMerchant(), false, 1900, "USD");
    String livePlan = Catalog.plan(merchant, true, 1900, "USD");

    for (String unknown : new String[] {Ids.newId("plan"), othersPlan, livePlan}) {
      create(merchant, unknown, customer, "19.00", "USD")
          .then()
          .statusCode(404)
          .body("code", is(404))
          .body("content", containsString("(price_id)"));
    }
    create(merchant, plan, Ids.newId("cus"), "19.00", "USD")
        .then()
        .statusCode(404)
        .body("content", containsString("(customer_id)"));
    create(merchant, plan, Catalog.customer(Api.newMerchant(), false), "19.00", "USD")
        .then()
        .statusCode(404)
        .body("content", containsString("(customer_id)"));
    org.assertj.core.api.Assertions.assertThat(
            Db.count("select count(*) from checkout_session where merchant_id = ?", merchant))
        .isZero();
  }

  @Test
  void anAmountOtherThanThePlansPriceIsA422OnAmount() {
    String merchant = Api.newMerchant();
    String customer = Catalog.customer(merchant, false);
    String plan = Catalog.plan(merchant, false, 1900, "USD");
    for (String[] wrong : new String[][] {{"1.00", "USD"}, {"19.00", "EUR"}}) {
      create(merchant, plan, customer, wrong[0], wrong[1])
          .then()
          .statusCode(422)
          .body("detail[0].loc", contains("body", "amount"))
          .body("detail[0].msg", containsString("19.00 USD"));
    }
    create(merchant, plan, customer, "19.00", "USD").then().statusCode(201);
  }

  private static io.restassured.response.Response create(
      String merchant, String plan, String customer, String amount, String currency) {
    Map<String, Object> body = Api.sessionBody(amount, currency);
    body.put("mode", "subscription");
    body.put("price_id", plan);
    body.put("customer_id", customer);
    return Api.as(merchant, "test").body(body).post("/v1/payments/session");
  }
}
