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

/** Customers: create, get and list, trimming, the email filter. */
@QuarkusTest
class CustomersApiTest {

  @Test
  void createAnswers200WithTheTrimmedCustomer() {
    String merchant = Api.newMerchant();
    Map<String, Object> created =
        asTest(merchant)
            .body(
                Map.of(
                    "email", "  Jane.Doe+vip@Example.COM ",
                    "name", " Jane Doe ",
                    "description", "Prefers\nemail",
                    "phone", " +1 (415) 555-0100 "))
            .post("/v1/customers")
            .then()
            .statusCode(200)
            .body("id", matchesPattern("cus_[A-Za-z0-9_-]{22}"))
            .body("object", is("customer"))
            .body("email", is("Jane.Doe+vip@Example.COM"))
            .body("name", is("Jane Doe"))
            .body("description", is("Prefers\nemail"))
            .body("phone", is("+1 (415) 555-0100"))
            .body("livemode", is(false))
            .body("created_at", matchesPattern(ProductsApiTest.CREATED_AT))
            .extract()
            .jsonPath()
            .getMap("");
    assertThat(created)
        .containsOnlyKeys(
            "id", "object", "email", "name", "description", "phone", "livemode", "created_at");
    Map<String, Object> read =
        asTest(merchant)
            .get("/v1/customers/" + created.get("id"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("");
    assertThat(read).isEqualTo(created);
  }

  @Test
  void onlyEmailIsRequiredAndBlankOptionalsAreNull() {
    asTest(Api.newMerchant())
        .body(Map.of("email", "a@example.org", "name", " ", "phone", ""))
        .post("/v1/customers")
        .then()
        .statusCode(200)
        .body("name", nullValue())
        .body("description", nullValue())
        .body("phone", nullValue());
  }

  @Test
  void listIsNewestFirstAndFiltersByEmailIgnoringCase() {
    String merchant = Api.newMerchant();
    String first = Api.createCustomer(merchant, "test", "Jane.Doe+vip@Example.COM");
    String second = Api.createCustomer(merchant, "test", "bob@example.com");
    String third = Api.createCustomer(merchant, "test", "jane.doe+vip@example.com");

    asTest(merchant)
        .get("/v1/customers")
        .then()
        .statusCode(200)
        .body("items.id", contains(third, second, first))
        .body("total_items", is(3));
    asTest(merchant)
        .queryParam("email", "JANE.DOE+VIP@example.com")
        .get("/v1/customers")
        .then()
        .statusCode(200)
        .body("items.id", contains(third, first))
        .body("total_items", is(2));
    asTest(merchant)
        .queryParam("email", "nobody@example.com")
        .get("/v1/customers")
        .then()
        .statusCode(200)
        .body("total_items", is(0));
  }

  @Test
  void unknownCustomerIsTheDocumented404() {
    asTest(Api.newMerchant())
        .get("/v1/customers/cus_AAAAAAAAAAAAAAAAAAAAAA")
        .then()
        .statusCode(404)
        .body("title", is("Customer not found"))
        .body("content", is("No such customer: cus_AAAAAAAAAAAAAAAAAAAAAA"))
        .body("type", is("danger"));
  }
}
