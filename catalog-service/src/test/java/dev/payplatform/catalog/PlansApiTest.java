package dev.payplatform.catalog;

import static dev.payplatform.catalog.Api.asTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans: create, get and list, the product rule, amounts up to the documented maximum. */
@QuarkusTest
class PlansApiTest {

  @Test
  void createAnswers200WithNormalisedCurrencyAndDefaults() {
    String merchant = Api.newMerchant();
    String product = Api.createProduct(merchant, "test", "Gym");
    Map<String, Object> created =
        asTest(merchant)
            .body(
                Map.of(
                    "product_id", product, "amount", 2500, "currency", "eur", "interval", "week"))
            .post("/v1/plans")
            .then()
            .statusCode(200)
            .body("id", matchesPattern("plan_[A-Za-z0-9_-]{22}"))
            .body("object", is("plan"))
            .body("product_id", is(product))
            .body("amount", is(2500))
            .body("currency", is("EUR"))
            .body("interval", is("week"))
            .body("interval_count", is(1))
            .body("nickname", nullValue())
            .body("livemode", is(false))
            .body("created_at", matchesPattern(ProductsApiTest.CREATED_AT))
            .extract()
            .jsonPath()
            .getMap("");
    assertThat(created)
        .containsOnlyKeys(
            "id",
            "object",
            "product_id",
            "amount",
            "currency",
            "interval",
            "interval_count",
            "nickname",
            "livemode",
            "created_at");
    Map<String, Object> read =
        asTest(merchant)
            .get("/v1/plans/" + created.get("id"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("");
    assertThat(read).isEqualTo(created);
  }

  @Test
  void boundaryValuesAreAccepted() {
    String merchant = Api.newMerchant();
    String product = Api.createProduct(merchant, "test", "Edges");
    asTest(merchant)
        .body(
            "{\"product_id\":\""
                + product
                + "\",\"amount\":10000000000000,\"currency\":\"JPY\",\"interval\":\"year\","
                + "\"interval_count\":12,\"nickname\":\"  Top tier  \"}")
        .post("/v1/plans")
        .then()
        .statusCode(200)
        .body("amount", is(10_000_000_000_000L))
        .body("currency", is("JPY"))
        .body("interval_count", is(12))
        .body("nickname", is("Top tier"));
    asTest(merchant)
        .body(
            Map.of(
                "product_id",
                product,
                "amount",
                1,
                "currency",
                "USD",
                "interval",
                "day",
                "interval_count",
                1))
        .post("/v1/plans")
        .then()
        .statusCode(200)
        .body("amount", is(1))
        .body("interval", is("day"));
  }

  @Test
  void listIsNewestFirstAndFiltersByProduct() {
    String merchant = Api.newMerchant();
    String gym = Api.createProduct(merchant, "test", "Gym");
    String pool = Api.createProduct(merchant, "test", "Pool");
    String a = Api.createPlan(merchant, "test", gym, 1000);
    String b = Api.createPlan(merchant, "test", pool, 2000);
    String c = Api.createPlan(merchant, "test", gym, 3000);

    asTest(merchant)
        .get("/v1/plans")
        .then()
        .statusCode(200)
        .body("items.id", contains(c, b, a))
        .body("total_items", is(3));
    asTest(merchant)
        .get("/v1/plans?product_id=" + gym)
        .then()
        .statusCode(200)
        .body("items.id", contains(c, a))
        .body("items.product_id", contains(gym, gym))
        .body("total_items", is(2));
    asTest(merchant)
        .get("/v1/plans?product_id=prod_AAAAAAAAAAAAAAAAAAAAAA")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.empty())
        .body("total_items", is(0));
  }

  @Test
  void planOnAnotherMerchantsProductIsRefusedNamingTheProduct() {
    String owner = Api.newMerchant();
    String intruder = Api.newMerchant();
    String product = Api.createProduct(owner, "test", "Not yours");
    asTest(intruder)
        .body(Map.of("product_id", product, "amount", 100, "currency", "USD", "interval", "month"))
        .post("/v1/plans")
        .then()
        .statusCode(404)
        .body("code", is(404))
        .body("title", is("Product not found"))
        .body("content", is("No such product: " + product))
        .body("type", is("danger"));
    assertThat(Db.rowsOf(intruder)).as("no plan and no event for the intruder").isZero();
    assertThat(Db.count("select count(*) from plan where product_id = ?", product)).isZero();
  }

  @Test
  void planOnTheSameMerchantsProductInTheOtherModeIsRefused() {
    String merchant = Api.newMerchant();
    String liveProduct = Api.createProduct(merchant, "live", "Live only");
    asTest(merchant)
        .body(
            Map.of(
                "product_id", liveProduct, "amount", 100, "currency", "USD", "interval", "month"))
        .post("/v1/plans")
        .then()
        .statusCode(404)
        .body("content", is("No such product: " + liveProduct));
    Api.as(merchant, "live")
        .body(
            Map.of(
                "product_id", liveProduct, "amount", 100, "currency", "USD", "interval", "month"))
        .post("/v1/plans")
        .then()
        .statusCode(200)
        .body("livemode", is(true));
  }

  @Test
  void unknownOrMalformedProductIdIsA404NamingIt() {
    String merchant = Api.newMerchant();
    for (String productId : new String[] {"prod_AAAAAAAAAAAAAAAAAAAAAA", "nope", "prod_\u0000x"}) {
      asTest(merchant)
          .body(
              Map.of(
                  "product_id", productId, "amount", 100, "currency", "USD", "interval", "month"))
          .post("/v1/plans")
          .then()
          .statusCode(404)
          .body("content", is("No such product: " + productId));
    }
    assertThat(Db.rowsOf(merchant)).isZero();
  }

  @Test
  void unknownPlanIsTheDocumented404() {
    asTest(Api.newMerchant())
        .get("/v1/plans/plan_AAAAAAAAAAAAAAAAAAAAAA")
        .then()
        .statusCode(404)
        .body("title", is("Plan not found"))
        .body("content", is("No such plan: plan_AAAAAAAAAAAAAAAAAAAAAA"))
        .body("type", is("danger"));
  }
}
