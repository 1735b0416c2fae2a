package dev.payplatform.payments;

import static dev.payplatform.payments.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad POST /v1/payments/ is a 422 naming the field, and nothing is stored. */
@QuarkusTest
class CreatePaymentValidationTest {

  @ParameterizedTest
  @ValueSource(strings = {"amount", "description", "currency", "items", "return_url"})
  void eachMissingFieldIsA422NamingIt(String field) {
    String merchant = Api.newMerchant();
    Map<String, Object> body = new HashMap<>(Api.body("49.99", "USD"));
    body.remove(field);
    post(merchant, body)
        .body("detail", hasSize(1))
        .body("detail[0].loc", contains("body", field))
        .body("detail[0].msg", is("field required"))
        .body("detail[0].type", is("value_error.missing"));
    assertNothingStored(merchant);
  }

  @ParameterizedTest
  @CsvSource({
    "amount, abc",
    "amount, -1",
    "amount, 0",
    "amount, 0.00",
    "amount, 1e3",
    "amount, ' 10'",
    "amount, 10.999",
    "amount, 100000000000.01",
    "currency, US",
    "currency, XYZ",
    "currency, XAU",
    "description, ''",
    "return_url, ftp://example.com/done",
    "return_url, javascript:alert(1)",
    "return_url, /thank-you",
    "return_url, example.com/thank-you",
    "return_url, https://",
    "return_url, 'https://example.com/a b'",
  })
  void eachWrongFieldIsA422NamingIt(String field, String value) {
    String merchant = Api.newMerchant();
    Map<String, Object> body = new HashMap<>(Api.body("49.99", "USD"));
    body.put(field, value);
    post(merchant, body).body("detail", hasSize(1)).body("detail[0].loc", contains("body", field));
    assertNothingStored(merchant);
  }

  @Test
  void amountPrecisionFollowsTheCurrency() {
    String merchant = Api.newMerchant();
    post(merchant, Api.body("10.999", "USD"))
        .body("detail[0].loc", contains("body", "amount"))
        .body("detail[0].msg", is("USD amounts have at most 2 decimals"));
    post(merchant, Api.body("10.5", "JPY"))
        .body("detail[0].loc", contains("body", "amount"))
        .body("detail[0].msg", is("JPY amounts have no decimals"));
    post(merchant, Api.body("1.0005", "BHD")).body("detail[0].loc", contains("body", "amount"));
    as(merchant, "test").body(Api.body("1000", "JPY")).post("/v1/payments/").then().statusCode(202);
    as(merchant, "test")
        .body(Api.body("1.005", "BHD"))
        .post("/v1/payments/")
        .then()
        .statusCode(202);
    as(merchant, "test").body(Api.body("10.5", "USD")).post("/v1/payments/").then().statusCode(202);
    assertThat(
            Db.count(
                "select count(*) from payment where merchant_id = ? and amount in (1000, 1005, 1050)",
                merchant))
        .isEqualTo(3);
  }

  @Test
  void itemsMustBeANonEmptyArrayOfStrings() {
    String merchant = Api.newMerchant();
    Map<String, Object> body = new HashMap<>(Api.body("49.99", "USD"));
    body.put("items", List.of());
    post(merchant, body).body("detail[0].loc", contains("body", "items"));
    body.put("items", "Monthly Subscription");
    post(merchant, body).body("detail[0].loc", contains("body", "items"));
    body.put("items", List.of("ok", ""));
    post(merchant, body).body("detail[0].loc", contains("body", "items", "1"));
    assertNothingStored(merchant);
  }

  @Test
  void severalBadFieldsAreAllReported() {
    String merchant = Api.newMerchant();
    Map<String, Object> body = new HashMap<>(Api.body("10.999", "USD"));
    body.put("return_url", "mailto:someone@example.com");
    post(merchant, body)
        .body("detail", hasSize(2))
        .body("detail.loc", contains(List.of("body", "amount"), List.of("body", "return_url")));
  }

  @Test
  void aMissingOrMalformedBodyIsA422() {
    String merchant = Api.newMerchant();
    as(merchant, "test")
        .body("{\"amount\": \"1.00\",")
        .post("/v1/payments/")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body"));
    as(merchant, "test")
        .post("/v1/payments/")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body"));
    assertNothingStored(merchant);
  }

  @Test
  void withoutTheEdgesTokenItIs401() {
    given()
        .contentType("application/json")
        .body(Api.body("49.99", "USD"))
        .post("/v1/payments/")
        .then()
        .statusCode(401)
        .body("detail", is("Not authenticated."));
    given().get("/v1/payments/").then().statusCode(401);
    given().get("/v1/payments/internal").then().statusCode(401);
  }

  private static ValidatableResponse post(String merchant, Map<String, Object> body) {
    return as(merchant, "test")
        .body(body)
        .post("/v1/payments/")
        .then()
        .statusCode(422)
        .contentType("application/json");
  }

  private static void assertNothingStored(String merchant) {
    assertThat(Db.count("select count(*) from payment where merchant_id = ?", merchant)).isZero();
  }
}
