package dev.payplatform.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/payments/session} and {@code GET /v1/payments/session/{id}}: every field rule is
 * a 422 naming the field, and the public read shows the documented safe fields only.
 */
@QuarkusTest
class SessionApiTest {

  @Test
  void createAnswers201WithTheSessionIdAndItsCheckoutUrl() {
    String merchant = Api.newMerchant();
    Response r =
        Api.as(merchant, "test").body(Api.sessionBody("99.99", "usd")).post("/v1/payments/session");
    r.then()
        .statusCode(201)
        .body("session_id", matchesPattern("sess_[A-Za-z0-9_-]{22}"))
        .body(
            "checkout_url", is("http://localhost:18081/checkout/session/" + r.path("session_id")));
    assertThat(
            Db.text(
                "select merchant_id from checkout_session where id = ?",
                (String) r.path("session_id")))
        .isEqualTo(merchant);
  }

  @Test
  void theBuyersReadShowsTheSafeFieldsAndNothingElseAboutTheMerchant() {
    String merchant = Api.newMerchant();
    Map<String, Object> body = Api.sessionBody("1500", "JPY");
    body.put("items", List.of("Tea", "Cup"));
    String id =
        Api.as(merchant, "test")
            .body(body)
            .post("/v1/payments/session")
            .then()
            .statusCode(201)
            .extract()
            .path("session_id");

    Response r = given().get("/v1/payments/session/" + id);
    r.then()
        .statusCode(200)
        .body("id", is(id))
        .body("amount", is("1500"))
        .body("currency", is("JPY"))
        .body("description", is("Premium subscription"))
        .body("items", contains("Tea", "Cup"))
        .body("mode", is("payment"))
        .body("price_id", nullValue())
        .body("customer_id", nullValue())
        .body("return_url", is("https://shop.example.com/success"))
        .body("gateway_account_id", is("acct_" + merchant.substring(4, 12)))
        .body("merchant_name", is("Shop " + merchant.substring(4, 12)))
        .body("status", is("open"));
    Map<String, Object> view = r.as(Map.class);
    assertThat(view.keySet())
        .containsExactlyInAnyOrder(
            "id",
            "amount",
            "currency",
            "description",
            "items",
            "mode",
            "price_id",
            "customer_id",
            "return_url",
            "gateway_account_id",
            "merchant_name",
            "status",
            "expires_at");
    assertThat(r.asString()).doesNotContain(merchant);
    Instant expires = Instant.parse(r.path("expires_at"));
    assertThat(Duration.between(Instant.now(), expires))
        .isBetween(Duration.ofHours(23), Duration.ofHours(24));
    assertThat((String) r.path("expires_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  @Test
  void itemsDefaultToEmptyAndModeToPayment() {
    String merchant = Api.newMerchant();
    String id =
        Api.as(merchant, "test")
            .body(
                Map.of("amount", "10.50", "currency", "EUR", "return_url", "http://localhost/done"))
            .post("/v1/payments/session")
            .then()
            .statusCode(201)
            .extract()
            .path("session_id");
    given()
        .get("/v1/payments/session/" + id)
        .then()
        .statusCode(200)
        .body("items", hasSize(0))
        .body("mode", is("payment"))
        .body("description", nullValue())
        .body("amount", is("10.50"));
  }

  @Test
  void subscriptionModeKeepsPriceAndCustomer() {
    String merchant = Api.newMerchant();
    String id = Api.subscriptionSession(merchant);
    given()
        .get("/v1/payments/session/" + id)
        .then()
        .statusCode(200)
        .body("mode", is("subscription"))
        .body("price_id", matchesPattern("plan_.{22}"))
        .body("customer_id", matchesPattern("cus_.{22}"));
  }

  @Test
  void missingRequiredFieldsAreEachNamed() {
    Api.as(Api.newMerchant(), "test")
        .body("{}")
        .post("/v1/payments/session")
        .then()
        .statusCode(422)
        .body(
            "detail.loc",
            containsInAnyOrder(
                List.of("body", "amount"),
                List.of("body", "currency"),
                List.of("body", "return_url")))
        .body(
            "detail.type",
            contains("value_error.missing", "value_error.missing", "value_error.missing"));
  }

  @Test
  void eachInvalidFieldIsA422NamingIt() {
    assertRejected(Map.of("amount", "abc"), "amount");
    assertRejected(Map.of("amount", "0"), "amount");
    assertRejected(Map.of("amount", "-5.00"), "amount");
    assertRejected(Map.of("amount", "10.999"), "amount");
    assertRejected(Map.of("amount", "100000000000.01"), "amount");
    assertRejected(Map.of("amount", 99.99), "amount");
    assertRejected(Map.of("currency", "ZZZ"), "currency");
    assertRejected(Map.of("currency", "dollars"), "currency");
    assertRejected(Map.of("return_url", "javascript:alert(1)"), "return_url");
    assertRejected(Map.of("return_url", "/relative/path"), "return_url");
    assertRejected(Map.of("return_url", "https://exa mple.com"), "return_url");
    assertRejected(Map.of("description", "x".repeat(1001)), "description");
    assertRejected(Map.of("items", "Premium Plan"), "items");
    assertRejected(Map.of("items", List.of("ok", " ")), "items", "1");
    assertRejected(Map.of("items", java.util.Collections.nCopies(101, "a")), "items");
    assertRejected(Map.of("mode", "donation"), "mode");
    assertRejected(Map.of("mode", "subscription", "price_id", "price_123"), "price_id");
    assertRejected(Map.of("customer_id", "someone"), "customer_id");
  }

  @Test
  void subscriptionModeRequiresPriceAndCustomer() {
    Map<String, Object> body = Api.sessionBody("19.00", "USD");
    body.put("mode", "subscription");
    Api.as(Api.newMerchant(), "test")
        .body(body)
        .post("/v1/payments/session")
        .then()
        .statusCode(422)
        .body(
            "detail.loc",
            containsInAnyOrder(List.of("body", "price_id"), List.of("body", "customer_id")))
        .body("detail[0].type", is("value_error.missing"));
  }

  @Test
  void malformedJsonIsA422OnTheBody() {
    Api.as(Api.newMerchant(), "test")
        .body("{\"amount\": ")
        .post("/v1/payments/session")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body"));
  }

  @Test
  void creatingNeedsTheEdgesToken() {
    given()
        .contentType("application/json")
        .body(Api.sessionBody("1.00", "USD"))
        .post("/v1/payments/session")
        .then()
        .statusCode(401)
        .body("detail", is("Not authenticated."));
  }

  @Test
  void anUnknownSessionIsTheDocumented404() {
    for (String id : List.of("sess_AAAAAAAAAAAAAAAAAAAAAA", "nope", "pi_AAAAAAAAAAAAAAAAAAAAAA")) {
      given()
          .get("/v1/payments/session/" + id)
          .then()
          .statusCode(404)
          .body("code", is(404))
          .body("type", is("danger"))
          .body("title", is("Checkout session not found"));
    }
  }

  @Test
  void liveSessionsAreLive() {
    String merchant = Api.newMerchant();
    String id = Api.session(merchant, "live", "5.00", "USD");
    assertThat(Db.text("select livemode::text from checkout_session where id = ?", id))
        .isEqualTo("true");
  }

  private static void assertRejected(Map<String, Object> override, String... field) {
    Map<String, Object> body = new HashMap<>(Api.sessionBody("99.99", "USD"));
    body.putAll(override);
    List<String> loc = new java.util.ArrayList<>();
    loc.add("body");
    loc.addAll(List.of(field));
    Api.as(Api.newMerchant(), "test")
        .body(body)
        .post("/v1/payments/session")
        .then()
        .statusCode(422)
        .body("detail", hasSize(1))
        .body("detail[0].loc", is(loc));
  }
}
