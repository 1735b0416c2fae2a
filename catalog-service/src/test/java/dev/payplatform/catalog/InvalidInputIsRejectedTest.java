package dev.payplatform.catalog;

import static dev.payplatform.catalog.Api.asTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input is a 422 in the documented list shape, one entry per bad field with its
 * path in {@code loc}, and stores nothing (no row, no event). Never a 400, 404 or 500.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidInputIsRejectedTest {
  private static final String X251 = "x".repeat(251);
  private static final String X2001 = "x".repeat(2001);

  private final String merchant = Api.newMerchant();
  private String product;

  // Not @BeforeAll: Quarkus points REST Assured at the test port only around each test.
  @BeforeEach
  void aProductToPricePlansOf() {
    if (product == null) {
      product = Api.createProduct(merchant, "test", "Valid product");
    }
  }

  static Arguments bad(String path, String body, String... locs) {
    return Arguments.of(path, body, Arrays.asList(locs));
  }

  static Stream<Arguments> productBodies() {
    return Stream.of(
        bad("/v1/products", "{}", "body.name"),
        bad("/v1/products", "{\"name\":null}", "body.name"),
        bad("/v1/products", "{\"name\":\"\"}", "body.name"),
        bad("/v1/products", "{\"name\":\"   \"}", "body.name"),
        bad("/v1/products", "{\"name\":\"" + X251 + "\"}", "body.name"),
        bad("/v1/products", "{\"name\":\"two\\nlines\"}", "body.name"),
        bad("/v1/products", "{\"name\":\"nul\\u0000byte\"}", "body.name"),
        bad("/v1/products", "{\"name\":5}", "body.name"),
        bad("/v1/products", "{\"name\":[\"a\"]}", "body.name"),
        bad("/v1/products", "{\"name\":{\"a\":1}}", "body.name"),
        bad("/v1/products", "{\"name\":\"ok\",\"active\":\"yes\"}", "body.active"),
        bad("/v1/products", "{\"name\":\"ok\",\"active\":\"true\"}", "body.active"),
        bad("/v1/products", "{\"name\":\"ok\",\"active\":1}", "body.active"),
        bad(
            "/v1/products",
            "{\"name\":\"ok\",\"description\":\"" + X2001 + "\"}",
            "body.description"),
        bad("/v1/products", "{\"name\":\"ok\",\"description\":\"a\\u0000\"}", "body.description"),
        bad("/v1/products", "{\"name\":\"ok\",\"description\":7}", "body.description"),
        bad(
            "/v1/products",
            "{\"name\":\"\",\"description\":\"" + X2001 + "\"}",
            "body.description",
            "body.name"));
  }

  static Stream<Arguments> planBodies() {
    return Stream.of(
        bad("/v1/plans", "{}", "body.product_id", "body.amount", "body.currency", "body.interval"),
        plan("\"amount\":0", "body.amount"),
        plan("\"amount\":-5", "body.amount"),
        plan("\"amount\":10000000000001", "body.amount"),
        plan("\"amount\":99999999999999999999999", "body.amount"),
        plan("\"amount\":-99999999999999999999999", "body.amount"),
        plan("\"amount\":\"1000\"", "body.amount"),
        plan("\"amount\":10.5", "body.amount"),
        plan("\"amount\":10.0", "body.amount"),
        plan("\"amount\":1e3", "body.amount"),
        plan("\"amount\":true", "body.amount"),
        plan("\"amount\":{}", "body.amount"),
        plan("\"amount\":[1000]", "body.amount"),
        plan("\"amount\":null", "body.amount"),
        plan("\"currency\":\"US\"", "body.currency"),
        plan("\"currency\":\"usdx\"", "body.currency"),
        plan("\"currency\":\"ZZZ\"", "body.currency"),
        plan("\"currency\":\"XXX\"", "body.currency"),
        plan("\"currency\":\" usd\"", "body.currency"),
        plan("\"currency\":\"\"", "body.currency"),
        plan("\"currency\":null", "body.currency"),
        plan("\"currency\":840", "body.currency"),
        plan("\"interval\":\"fortnight\"", "body.interval"),
        plan("\"interval\":\"Month\"", "body.interval"),
        plan("\"interval\":\"\"", "body.interval"),
        plan("\"interval\":null", "body.interval"),
        plan("\"interval\":1", "body.interval"),
        plan("\"interval_count\":0", "body.interval_count"),
        plan("\"interval_count\":13", "body.interval_count"),
        plan("\"interval_count\":-1", "body.interval_count"),
        plan("\"interval_count\":1.5", "body.interval_count"),
        plan("\"interval_count\":\"2\"", "body.interval_count"),
        plan("\"interval_count\":99999999999999999999", "body.interval_count"),
        plan("\"nickname\":\"" + X251 + "\"", "body.nickname"),
        plan("\"nickname\":\"a\\u0000\"", "body.nickname"),
        plan("\"product_id\":\"\"", "body.product_id"),
        plan("\"product_id\":\"   \"", "body.product_id"),
        plan("\"product_id\":null", "body.product_id"),
        plan("\"product_id\":5", "body.product_id"),
        plan(
            "\"amount\":\"10\",\"currency\":\"ZZZ\",\"interval\":\"hour\",\"interval_count\":0",
            "body.amount",
            "body.currency",
            "body.interval",
            "body.interval_count"));
  }

  /** A valid plan body (product filled in by the test) with some fields overridden. */
  static Arguments plan(String override, String... locs) {
    return bad("/v1/plans", "PLAN:" + override, locs);
  }

  static Stream<Arguments> customerBodies() {
    Stream<Arguments> emails =
        Stream.of(
                "\"\"",
                "\"   \"",
                "\"plainaddress\"",
                "\"a@b\"",
                "\"a@@b.com\"",
                "\"a b@c.com\"",
                "\".a@b.com\"",
                "\"a.@b.com\"",
                "\"a..b@c.com\"",
                "\"a@b.c\"",
                "\"a@-b.com\"",
                "\"a@b-.com\"",
                "\"a@b..com\"",
                "\"" + "x".repeat(65) + "@example.com\"",
                "\"a@" + ("b".repeat(63) + ".").repeat(4) + "com\"",
                "\"a\\u0000@b.com\"",
                "\"jan\u00e9@example.com\"",
                "5",
                "null")
            .map(email -> bad("/v1/customers", "{\"email\":" + email + "}", "body.email"));
    Stream<Arguments> others =
        Stream.of(
            bad("/v1/customers", "{}", "body.email"),
            customer("\"name\":\"" + X251 + "\"", "body.name"),
            customer("\"name\":\"a\\nb\"", "body.name"),
            customer("\"description\":\"" + X2001 + "\"", "body.description"),
            customer("\"phone\":\"abc\"", "body.phone"),
            customer("\"phone\":\"12345\"", "body.phone"),
            customer("\"phone\":\"+1234567890123456\"", "body.phone"),
            customer("\"phone\":\"++15550100000\"", "body.phone"),
            customer("\"phone\":\"555 0100 ext 3\"", "body.phone"),
            customer("\"phone\":\"1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7\"", "body.phone"),
            customer("\"phone\":5551234567", "body.phone"),
            bad(
                "/v1/customers",
                "{\"email\":\"nope\",\"name\":\"" + X251 + "\",\"phone\":\"x\"}",
                "body.email",
                "body.name",
                "body.phone"));
    return Stream.concat(emails, others);
  }

  static Arguments customer(String override, String... locs) {
    return bad("/v1/customers", "{\"email\":\"ok@example.com\"," + override + "}", locs);
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of("/v1/products", "/v1/plans", "/v1/customers")
        .flatMap(
            path ->
                Stream.of(
                    bad(path, "", "body"),
                    bad(path, "{\"name\": ", "body"),
                    bad(path, "[]", "body"),
                    bad(path, "\"text\"", "body"),
                    bad(path, "null", "body")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource({"productBodies", "planBodies", "customerBodies", "malformedBodies"})
  void badBodyIs422NamingEachBadFieldAndStoresNothing(
      String path, String body, List<String> expectedLocs) {
    String json =
        body.startsWith("PLAN:")
            ? "{\"product_id\":\""
                + product
                + "\",\"amount\":1000,\"currency\":\"USD\","
                + "\"interval\":\"month\","
                + body.substring(5)
                + "}"
            : body;
    long before = Db.rowsOf(merchant);
    Response response = asTest(merchant).body(json).post(path);
    response
        .then()
        .statusCode(422)
        .contentType("application/json")
        .body("detail", hasSize(expectedLocs.size()))
        .body("detail.msg", everyItem(not(emptyOrNullString())))
        .body(
            "detail.type",
            everyItem(
                oneOf(
                    "value_error", "value_error.missing", "type_error", "value_error.jsondecode")));
    List<List<String>> locs = response.jsonPath().getList("detail.loc");
    assertThat(locs.stream().map(l -> String.join(".", l)))
        .containsExactlyInAnyOrderElementsOf(expectedLocs);
    assertThat(Db.rowsOf(merchant)).as("nothing stored, no event").isEqualTo(before);
  }

  @Test
  void messagesSayWhatIsWrong() {
    asTest(merchant)
        .body("{}")
        .post("/v1/products")
        .then()
        .statusCode(422)
        .body("detail[0].msg", is("field required"))
        .body("detail[0].type", is("value_error.missing"));
    asTest(merchant)
        .body(Map.of("name", X251))
        .post("/v1/products")
        .then()
        .statusCode(422)
        .body("detail[0].msg", is("must be at most 250 characters"));
    asTest(merchant)
        .body(Map.of("name", " "))
        .post("/v1/products")
        .then()
        .statusCode(422)
        .body("detail[0].msg", is("must not be blank"));
    asTest(merchant)
        .body("{\"name\":5}")
        .post("/v1/products")
        .then()
        .statusCode(422)
        .body("detail[0].type", is("type_error"));
    planWith("\"amount\":0")
        .then()
        .statusCode(422)
        .body("detail[0].msg", is("must be greater than zero"));
    planWith("\"amount\":10000000000001")
        .then()
        .statusCode(422)
        .body(
            "detail[0].msg", is("must be at most 10000000000000 minor units (the maximum amount)"));
    planWith("\"amount\":10.5")
        .then()
        .statusCode(422)
        .body(
            "detail[0].msg",
            org.hamcrest.Matchers.startsWith("must be an integer number of minor units"));
    planWith("\"currency\":\"ZZZ\"")
        .then()
        .statusCode(422)
        .body("detail[0].msg", is("unknown ISO-4217 currency code"));
    planWith("\"interval\":\"hour\"")
        .then()
        .statusCode(422)
        .body("detail[0].msg", is("must be one of: day, week, month, year"));
    planWith("\"interval_count\":13")
        .then()
        .statusCode(422)
        .body("detail[0].msg", is("must be an integer between 1 and 12"));
    asTest(merchant)
        .body(Map.of("email", "nope"))
        .post("/v1/customers")
        .then()
        .statusCode(422)
        .body("detail[0].msg", is("must be a valid email address"));
  }

  private Response planWith(String override) {
    return asTest(merchant)
        .body(
            "{\"product_id\":\""
                + product
                + "\",\"amount\":1000,\"currency\":\"USD\","
                + "\"interval\":\"month\","
                + override
                + "}")
        .post("/v1/plans");
  }

  @Test
  void lengthsCountCharactersAfterTrimming() {
    String name250 = "\uD83C\uDF75".repeat(250); // 250 characters, 500 UTF-16 units
    asTest(merchant)
        .body(Map.of("name", "  " + name250 + "  "))
        .post("/v1/products")
        .then()
        .statusCode(200)
        .body("name", is(name250));
    asTest(merchant)
        .body(Map.of("name", "\uD83C\uDF75".repeat(251)))
        .post("/v1/products")
        .then()
        .statusCode(422);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badQueries")
  void badFiltersAre422NamingTheParameter(String pathAndQuery, List<String> expectedLocs) {
    Response response = asTest(merchant).get(pathAndQuery);
    response.then().statusCode(422).body("detail", hasSize(expectedLocs.size()));
    List<List<String>> locs = response.jsonPath().getList("detail.loc");
    assertThat(locs.stream().map(l -> String.join(".", l)))
        .containsExactlyInAnyOrderElementsOf(expectedLocs);
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        Arguments.of("/v1/products?active=maybe", List.of("query.active")),
        Arguments.of("/v1/products?active=1", List.of("query.active")),
        Arguments.of("/v1/plans?product_id=garbage", List.of("query.product_id")),
        Arguments.of(
            "/v1/plans?product_id=cus_AAAAAAAAAAAAAAAAAAAAAA", List.of("query.product_id")),
        Arguments.of("/v1/customers?email=not-an-email", List.of("query.email")),
        Arguments.of("/v1/products?limit=abc&active=maybe", List.of("query.limit", "query.active")),
        Arguments.of(
            "/v1/plans?offset=-1&product_id=x", List.of("query.offset", "query.product_id")));
  }
}
