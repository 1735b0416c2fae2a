package dev.payplatform.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.payplatform.commons.ids.Ids;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every 422 and 404 the subscription endpoints answer, in the documented shapes. */
@QuarkusTest
class SubscriptionRequestsAreValidatedTest {

  @Test
  void missingMistypedAndOutOfRangeFieldsAre422NamingEachField() {
    String m = Api.newMerchant();
    Api.asTest(m)
        .body("{}")
        .post("/v1/subscriptions")
        .then()
        .statusCode(422)
        .body("detail", hasSize(2))
        .body("detail[0].loc", contains("body", "customer_id"))
        .body("detail[0].type", is("value_error.missing"))
        .body("detail[0].msg", is("field required"))
        .body("detail[1].loc", contains("body", "plan_id"));
    Api.asTest(m)
        .body(Map.of("customer_id", " ", "plan_id", "plan_x"))
        .post("/v1/subscriptions")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "customer_id"));
    Api.asTest(m)
        .body("{\"customer_id\": 5, \"plan_id\": \"plan_x\"}")
        .post("/v1/subscriptions")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "customer_id"))
        .body("detail[0].type", is("type_error"));
    for (Object trial : new Object[] {"7", 0, 731, 7.5}) {
      Api.asTest(m)
          .body(Map.of("customer_id", "cus_x", "plan_id", "plan_x", "trial_days", trial))
          .post("/v1/subscriptions")
          .then()
          .statusCode(422)
          .body("detail[0].loc", contains("body", "trial_days"));
    }
    Api.asTest(m)
        .post("/v1/subscriptions")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body"));
    Api.asTest(m)
        .body("{\"customer_id\": ")
        .post("/v1/subscriptions")
        .then()
        .statusCode(422)
        .body("detail[0].type", is("value_error.jsondecode"));
  }

  @Test
  void customersAndPlansThatAreUnknownOrAnotherTenantsAre404NamingTheField() {
    String m = Api.newMerchant();
    String other = Api.newMerchant();
    String customer = Upstream.customer(m, false);
    String plan = Upstream.plan(m, false, 1000, "month");
    String othersCustomer = Upstream.customer(other, false);
    String liveCustomer = Upstream.customer(m, true);
    String livePlan = Upstream.plan(m, true, 1000, "month");
    for (String badCustomer :
        new String[] {Ids.newId("cus"), "cus_123", othersCustomer, liveCustomer}) {
      Api.asTest(m)
          .body(Map.of("customer_id", badCustomer, "plan_id", plan))
          .post("/v1/subscriptions")
          .then()
          .statusCode(404)
          .body("code", is(404))
          .body("type", is("danger"))
          .body("content", containsString("customer_id"))
          .body("content", containsString(badCustomer));
    }
    for (String badPlan : new String[] {Ids.newId("plan"), livePlan}) {
      Api.asTest(m)
          .body(Map.of("customer_id", customer, "plan_id", badPlan))
          .post("/v1/subscriptions")
          .then()
          .statusCode(404)
          .body("content", containsString("plan_id"));
    }
    // The live customer and plan work with a live key.
    Api.asLive(m)
        .body(Map.of("customer_id", liveCustomer, "plan_id", livePlan))
        .post("/v1/subscriptions")
        .then()
        .statusCode(200)
        .body("livemode", is(true))
        .body("test_clock", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void anotherTenantsSubscriptionIsNotFoundAnywhere() {
    Subscriptions.Active sub = Subscriptions.active("pm_x");
    String other = Api.newMerchant();
    String path = "/v1/subscriptions/" + sub.id();
    Api.asTest(other).get(path).then().statusCode(404).body("title", is("Subscription not found"));
    Api.asLive(sub.merchantId()).get(path).then().statusCode(404);
    Api.asTest(other).post(path + "/cancel").then().statusCode(404);
    Api.asTest(other)
        .body(Map.of("seconds", 60))
        .post(path + "/test_clock/advance")
        .then()
        .statusCode(404);
    Api.asTest(sub.merchantId()).get("/v1/subscriptions/sub_nope").then().statusCode(404);
    Api.asTest(sub.merchantId())
        .get("/v1/subscriptions?customer_id=" + sub.customerId())
        .then()
        .statusCode(200)
        .body("total_items", is(1));
    Api.asTest(other)
        .get("/v1/subscriptions?customer_id=" + sub.customerId())
        .then()
        .statusCode(200)
        .body("total_items", is(0))
        .body("items", hasSize(0));
  }

  @Test
  void listsAreEnvelopedNewestFirstAndTheirQueryParametersValidated() {
    String m = Api.newMerchant();
    String customer = Upstream.customer(m, false);
    String plan = Upstream.plan(m, false, 1000, "month");
    String first = Subscriptions.create(m, customer, plan).getString("id");
    String second = Subscriptions.create(m, customer, plan).getString("id");
    Api.asTest(m).post("/v1/subscriptions/" + first + "/cancel").then().statusCode(200);
    Api.asTest(m)
        .get("/v1/subscriptions")
        .then()
        .statusCode(200)
        .body("items.id", contains(second, first))
        .body("total_items", is(2))
        .body("limit", is(10))
        .body("offset", is(0));
    Api.asTest(m).get("/v1/subscriptions?status=canceled").then().body("items.id", contains(first));
    Api.asTest(m)
        .get("/v1/subscriptions?limit=1&offset=1")
        .then()
        .body("items.id", contains(first))
        .body("total_items", is(2));
    Api.asTest(m)
        .get("/v1/subscriptions?limit=0&offset=-1&status=bogus&customer_id=nope")
        .then()
        .statusCode(422)
        .body("detail", hasSize(4))
        .body(
            "detail.loc.flatten()",
            org.hamcrest.Matchers.hasItems("limit", "offset", "status", "customer_id"));
    Api.asTest(m)
        .get("/v1/subscriptions?limit=abc")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "limit"));
  }

  @Test
  void cancelAndTestClockRequestsAreValidated() {
    String m = Api.newMerchant();
    String id =
        Subscriptions.create(m, Upstream.customer(m, false), Upstream.plan(m, false, 1000, "month"))
            .getString("id");
    String advance = "/v1/subscriptions/" + id + "/test_clock/advance";
    Api.asTest(m)
        .body("{\"at_period_end\": \"yes\"}")
        .post("/v1/subscriptions/" + id + "/cancel")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "at_period_end"));
    Api.asTest(m)
        .body(Map.of("at_period_end", true))
        .post("/v1/subscriptions/" + id + "/cancel")
        .then()
        .statusCode(409)
        .body("content", containsString("incomplete"));
    Api.asTest(m)
        .body("{}")
        .post(advance)
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "seconds"));
    Api.asTest(m)
        .body(Map.of("seconds", 60, "to", "2030-01-01T00:00:00Z"))
        .post(advance)
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body"));
    for (Object seconds : new Object[] {"60", 0, -5, 1.5, 315_360_001L}) {
      Api.asTest(m)
          .body(Map.of("seconds", seconds))
          .post(advance)
          .then()
          .statusCode(422)
          .body("detail[0].loc", contains("body", "seconds"));
    }
    for (String to : new String[] {"tomorrow", "2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z"}) {
      Api.asTest(m)
          .body(Map.of("to", to))
          .post(advance)
          .then()
          .statusCode(422)
          .body("detail[0].loc", contains("body", "to"));
    }
    Api.asTest(m)
        .body(Map.of("to", Instant.now().plusSeconds(3600).toString()))
        .post(advance)
        .then()
        .statusCode(200)
        .body("test_clock.advanced_seconds", org.hamcrest.Matchers.greaterThan(3500));
    Api.asTest(m)
        .body(Map.of("seconds", 60))
        .post("/v1/subscriptions/sub_unknown000000000000000/test_clock/advance")
        .then()
        .statusCode(404);
  }

  @Test
  void testClocksAreRefusedInLiveMode() {
    String m = Api.newMerchant();
    String id =
        Api.asLive(m)
            .body(
                Map.of(
                    "customer_id", Upstream.customer(m, true),
                    "plan_id", Upstream.plan(m, true, 1000, "month")))
            .post("/v1/subscriptions")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    Api.asLive(m)
        .body(Map.of("seconds", 60))
        .post("/v1/subscriptions/" + id + "/test_clock/advance")
        .then()
        .statusCode(400)
        .body("code", is(400))
        .body("type", is("danger"))
        .body("content", containsString("test mode"));
  }

  @Test
  void requestsWithoutTheEdgesTokenAre401() {
    given()
        .get("/v1/subscriptions")
        .then()
        .statusCode(401)
        .body("detail", is("Not authenticated."));
    given()
        .contentType("application/json")
        .body("{}")
        .post("/v1/subscriptions")
        .then()
        .statusCode(401);
    given().get("/v1/refunds").then().statusCode(401);
    given().get("/v1/payment-links").then().statusCode(401);
  }
}
