package dev.payplatform.catalog;

import static dev.payplatform.catalog.Api.asTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Products: create, get and list through HTTP, with the documented defaults and representation. */
@QuarkusTest
class ProductsApiTest {
  static final String CREATED_AT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

  @Test
  void createAnswers200WithTheTrimmedProductAndDefaults() {
    String merchant = Api.newMerchant();
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JsonPath created =
        asTest(merchant)
            .body(Map.of("name", "  Gold membership  "))
            .post("/v1/products")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("id", matchesPattern("prod_[A-Za-z0-9_-]{22}"))
            .body("object", is("product"))
            .body("name", is("Gold membership"))
            .body("description", nullValue())
            .body("active", is(true))
            .body("livemode", is(false))
            .body("created_at", matchesPattern(CREATED_AT))
            .extract()
            .jsonPath();
    Instant createdAt = Instant.parse(created.getString("created_at"));
    assertThat(createdAt).isBetween(before, Instant.now());
    assertThat(created.getMap(""))
        .containsOnlyKeys(
            "id", "object", "name", "description", "active", "livemode", "created_at");
  }

  @Test
  void getAnswersWhatCreateAnswered() {
    String merchant = Api.newMerchant();
    Map<String, Object> created =
        asTest(merchant)
            .body(
                Map.of("name", "Boxed tea", "description", "  Twelve\nflavours ", "active", false))
            .post("/v1/products")
            .then()
            .statusCode(200)
            .body("description", is("Twelve\nflavours"))
            .body("active", is(false))
            .extract()
            .jsonPath()
            .getMap("");
    Map<String, Object> read =
        asTest(merchant)
            .get("/v1/products/" + created.get("id"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("");
    assertThat(read).isEqualTo(created);
  }

  @Test
  void liveKeysCreateLiveProducts() {
    Api.as(Api.newMerchant(), "live")
        .body(Map.of("name", "Live thing"))
        .post("/v1/products")
        .then()
        .statusCode(200)
        .body("livemode", is(true));
  }

  @Test
  void blankDescriptionMeansNone() {
    asTest(Api.newMerchant())
        .body(Map.of("name", "x", "description", "   "))
        .post("/v1/products")
        .then()
        .statusCode(200)
        .body("description", nullValue());
  }

  @Test
  void clientCannotSetIdLivemodeCreatedAtOrMerchant() {
    String merchant = Api.newMerchant();
    String other = Api.newMerchant();
    String id =
        asTest(merchant)
            .body(
                Map.of(
                    "name", "Mass assignment",
                    "id", "prod_chosenByTheClient000",
                    "object", "plan",
                    "livemode", true,
                    "created_at", "2001-01-01T00:00:00Z",
                    "merchant_id", other,
                    "merchant", other))
            .post("/v1/products")
            .then()
            .statusCode(200)
            .body("id", not(is("prod_chosenByTheClient000")))
            .body("object", is("product"))
            .body("livemode", is(false))
            .body("created_at", not(is("2001-01-01T00:00:00Z")))
            .extract()
            .path("id");
    asTest(merchant).get("/v1/products/" + id).then().statusCode(200);
    asTest(other).get("/v1/products/" + id).then().statusCode(404);
    asTest(other).get("/v1/products").then().statusCode(200).body("total_items", is(0));
    asTest(merchant).get("/v1/products/prod_chosenByTheClient000").then().statusCode(404);
  }

  @Test
  void listIsNewestFirstAndFiltersByActive() {
    String merchant = Api.newMerchant();
    String first = Api.createProduct(merchant, "test", "first");
    String second =
        asTest(merchant)
            .body(Map.of("name", "second", "active", false))
            .post("/v1/products")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    String third = Api.createProduct(merchant, "test", "third");

    asTest(merchant)
        .get("/v1/products")
        .then()
        .statusCode(200)
        .body("items.id", contains(third, second, first))
        .body("items[0].object", is("product"))
        .body("total_items", is(3))
        .body("limit", is(10))
        .body("offset", is(0));
    asTest(merchant)
        .get("/v1/products?active=true")
        .then()
        .statusCode(200)
        .body("items.id", contains(third, first))
        .body("total_items", is(2));
    asTest(merchant)
        .get("/v1/products?active=FALSE")
        .then()
        .statusCode(200)
        .body("items.id", contains(second))
        .body("total_items", is(1));
  }

  @Test
  void unknownProductIsTheDocumented404() {
    asTest(Api.newMerchant())
        .get("/v1/products/prod_AAAAAAAAAAAAAAAAAAAAAA")
        .then()
        .statusCode(404)
        .body("code", is(404))
        .body("title", is("Product not found"))
        .body("content", is("No such product: prod_AAAAAAAAAAAAAAAAAAAAAA"))
        .body("type", is("danger"));
    // Not an id at all (and bytes SQL would choke on): still a 404, never a 500.
    asTest(Api.newMerchant())
        .urlEncodingEnabled(false)
        .get("/v1/products/not-an-id%00")
        .then()
        .statusCode(404)
        .body("code", is(404));
  }
}
