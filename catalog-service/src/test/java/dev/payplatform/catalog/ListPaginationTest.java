package dev.payplatform.catalog;

import static dev.payplatform.catalog.Api.asTest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The list envelope on all three lists: default and maximum limit, paging through, an offset past
 * the end, and a 422 naming the parameter for every bad limit or offset.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPaginationTest {
  private final String merchant = Api.newMerchant();

  /** Twelve products, newest first. */
  private final List<String> products = new ArrayList<>();

  // Not @BeforeAll: Quarkus points REST Assured at the test port only around each test.
  @BeforeEach
  void twelveProducts() {
    if (!products.isEmpty()) {
      return;
    }
    for (int i = 0; i < 12; i++) {
      products.add(Api.createProduct(merchant, "test", "p" + i));
    }
    Collections.reverse(products);
  }

  @Test
  void defaultPageIsTheNewestTen() {
    asTest(merchant)
        .get("/v1/products")
        .then()
        .statusCode(200)
        .body("items.id", contains(products.subList(0, 10).toArray()))
        .body("total_items", is(12))
        .body("limit", is(10))
        .body("offset", is(0));
  }

  @Test
  void limitAndOffsetPageThroughInOrder() {
    asTest(merchant)
        .get("/v1/products?limit=5&offset=5")
        .then()
        .statusCode(200)
        .body("items.id", contains(products.subList(5, 10).toArray()))
        .body("total_items", is(12))
        .body("limit", is(5))
        .body("offset", is(5));
    asTest(merchant)
        .get("/v1/products?limit=5&offset=10")
        .then()
        .statusCode(200)
        .body("items.id", contains(products.subList(10, 12).toArray()));
  }

  @Test
  void limitOneAndLimitHundredAreAllowed() {
    asTest(merchant)
        .get("/v1/products?limit=1")
        .then()
        .statusCode(200)
        .body("items.id", contains(products.get(0)))
        .body("limit", is(1));
    asTest(merchant)
        .get("/v1/products?limit=100")
        .then()
        .statusCode(200)
        .body("items", hasSize(12))
        .body("limit", is(100));
  }

  @Test
  void emptyParametersMeanTheDefaults() {
    asTest(merchant)
        .get("/v1/products?limit=&offset=")
        .then()
        .statusCode(200)
        .body("limit", is(10))
        .body("offset", is(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void offsetPastTheEndIsAnEmptyPageWithTheTotal(String path) {
    asTest(merchant)
        .get(path + "?offset=12")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("offset", is(12));
    asTest(merchant)
        .get(path + "?offset=2147483647&limit=100")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("offset", is(2147483647));
  }

  @Test
  void offsetPastTheEndOfAFullListKeepsTheTotal() {
    asTest(merchant)
        .get("/v1/products?offset=500")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("total_items", is(12));
  }

  static Stream<String> lists() {
    return Stream.of("/v1/products", "/v1/plans", "/v1/customers");
  }

  static Stream<Arguments> badPaging() {
    List<Arguments> cases = new ArrayList<>();
    for (String path : lists().toList()) {
      for (String query :
          List.of(
              "limit=0",
              "limit=101",
              "limit=-1",
              "limit=abc",
              "limit=1.5",
              "limit=99999999999999999999",
              "offset=-1",
              "offset=abc",
              "offset=2147483648",
              "offset=%201")) {
        cases.add(Arguments.of(path + "?" + query, query.substring(0, query.indexOf('='))));
      }
      cases.add(Arguments.of(path + "?limit=0&offset=x", "limit,offset"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPaging")
  void badLimitOrOffsetIs422NamingTheParameter(String pathAndQuery, String params) {
    String[] names = params.split(",");
    var response =
        asTest(merchant)
            .urlEncodingEnabled(false)
            .get(pathAndQuery)
            .then()
            .statusCode(422)
            .body("detail", hasSize(names.length));
    for (int i = 0; i < names.length; i++) {
      response.body("detail[" + i + "].loc", contains("query", names[i]));
    }
  }
}
