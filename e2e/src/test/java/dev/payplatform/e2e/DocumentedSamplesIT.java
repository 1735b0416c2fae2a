package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every request of the published API documentation (docs/api.md), sent the way the docs send it
 * (X-Api-Key or Basic with the key as user name and an empty password), against the edge only.
 */
class DocumentedSamplesIT {
  private final Platform.Merchant merchant = Platform.newMerchant("Docs Store");

  @Test
  void overviewCustomerSampleWorksVerbatim() {
    // 002: curl -X POST '/v1/customers' -H 'X-Api-Key: …' -d '{"email": …, "name": "John Doe"}'
    given()
        .header("X-Api-Key", merchant.skTest())
        .contentType("application/json")
        .body("{\"email\": \"customer@example.com\", \"name\": \"John Doe\"}")
        .post(url("/v1/customers"))
        .then()
        .statusCode(200)
        .body("id", startsWith("cus_"))
        .body("email", is("customer@example.com"))
        .body("name", is("John Doe"));
    given()
        .header("X-Api-Key", merchant.skTest())
        .get(url("/v1/customers?limit=10&offset=0"))
        .then()
        .statusCode(200)
        .body("total_items", is(1))
        .body("limit", is(10))
        .body("offset", is(0))
        .body("items[0].email", is("customer@example.com"));
  }

  @Test
  void productsAndPlansFromTheOverviewTable() {
    String product =
        given()
            .header("X-Api-Key", merchant.skTest())
            .contentType("application/json")
            .body(Map.of("name", "Premium", "description", "The premium tier", "active", true))
            .post(url("/v1/products"))
            .then()
            .statusCode(200)
            .body("object", is("product"))
            .extract()
            .path("id");
    given()
        .header("X-Api-Key", merchant.skTest())
        .contentType("application/json")
        .body(Map.of("product_id", product, "amount", 2500, "currency", "usd", "interval", "month"))
        .post(url("/v1/plans"))
        .then()
        .statusCode(200)
        .body("object", is("plan"))
        .body("currency", is("USD"))
        .body("amount", is(2500));
    given()
        .header("X-Api-Key", merchant.skTest())
        .get(url("/v1/products"))
        .then()
        .statusCode(200)
        .body("total_items", is(1));
    given()
        .header("X-Api-Key", merchant.skTest())
        .get(url("/v1/plans"))
        .then()
        .statusCode(200)
        .body("total_items", is(1));
  }

  @Test
  void paymentLinkSamplesFrom003() {
    // 003: create answers 200 with exactly {id, object, url, active}
    JsonPath link =
        given()
            .header("X-Api-Key", merchant.skTest())
            .contentType("application/json")
            .body(
                "{\"amount\": 4999, \"currency\": \"USD\", \"description\": \"One-time service fee\"}")
            .post(url("/v1/payment-links"))
            .then()
            .statusCode(200)
            .body("object", is("payment_link"))
            .body("active", is(true))
            .extract()
            .jsonPath();
    assertThat(link.getMap("")).containsKeys("id", "object", "url", "active");
    assertThat(link.getString("id")).startsWith("plink_");
    assertThat(link.getString("url")).isEqualTo(url("/link/" + link.getString("id")));
    given()
        .header("X-Api-Key", merchant.skTest())
        .get(url("/v1/payment-links?limit=5&offset=0"))
        .then()
        .statusCode(200)
        .body("total_items", is(1))
        .body("limit", is(5))
        .body("offset", is(0))
        .body("items[0].id", is(link.getString("id")));
  }

  @Test
  void checkoutSessionAndIntentSamplesFrom000() {
    // 000: requests.post('/v1/payments/session', headers={'X-Api-Key': …}, json={…})
    JsonPath session =
        given()
            .header("X-Api-Key", merchant.skTest())
            .contentType("application/json")
            .body(
                Map.of(
                    "amount",
                    "99.99",
                    "currency",
                    "USD",
                    "description",
                    "Premium subscription",
                    "items",
                    List.of("Premium Plan"),
                    "return_url",
                    "https://yoursite.com/success"))
            .post(url("/v1/payments/session"))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String sessionId = session.getString("session_id");
    assertThat(sessionId).startsWith("sess_");
    assertThat(session.getString("checkout_url")).isEqualTo(url("/checkout/session/" + sessionId));

    // Get Checkout Session: public, the documented safe fields.
    given()
        .get(url("/v1/payments/session/" + sessionId))
        .then()
        .statusCode(200)
        .body("id", is(sessionId))
        .body("amount", is("99.99"))
        .body("currency", is("USD"))
        .body("description", is("Premium subscription"))
        .body("items", contains("Premium Plan"))
        .body("mode", is("payment"))
        .body("return_url", is("https://yoursite.com/success"))
        .body("merchant_name", startsWith("Docs Store"));

    // Create Payment Intent: public, bound by the session.
    JsonPath intent =
        given()
            .contentType("application/json")
            .body(Map.of("session_id", sessionId))
            .post(url("/v1/payments/intent"))
            .then()
            .statusCode(201)
            .body("amount", is("99.99"))
            .body("currency", is("USD"))
            .extract()
            .jsonPath();
    assertThat(intent.getString("payment_intent_id")).startsWith("pi_");
    assertThat(intent.getString("client_secret"))
        .startsWith(intent.getString("payment_intent_id") + "_secret_");
  }

  @Test
  void hostedPaymentSamplesFrom000And001WithBothAuthSchemes() {
    // 001: curl -X POST '/v1/payments/' -u "sk_test_…:" -d '{…}'
    Response created =
        given()
            .auth()
            .preemptive()
            .basic(merchant.skTest(), "")
            .contentType("application/json")
            .body(
                "{\"amount\": \"500.00\", \"description\": \"Premium subscription payment\","
                    + " \"currency\": \"USD\", \"items\": [\"Premium Plan - Monthly\"],"
                    + " \"return_url\": \"https://example.com/payment-result\"}")
            .post(url("/v1/payments/"));
    created
        .then()
        .statusCode(202)
        .body("code", is(202))
        .body("title", is("Action required"))
        .body("content", is("Show the checkout page to complete payment."));
    JsonPath body = created.jsonPath();
    assertThat(body.getMap("").keySet()).isEqualTo(Set.of("code", "title", "content", "data"));
    assertThat(body.getMap("data").keySet()).isEqualTo(Set.of("id_payment", "redirect"));
    String paymentId = body.getString("data.id_payment");
    assertThat(body.getString("data.redirect"))
        .startsWith(url("/checkout/pay/" + paymentId + "?data="));

    // 000: the same with X-Api-Key.
    given()
        .header("X-Api-Key", merchant.skTest())
        .contentType("application/json")
        .body(
            Map.of(
                "amount",
                "49.99",
                "description",
                "Monthly plan",
                "currency",
                "USD",
                "items",
                List.of("Monthly Subscription"),
                "return_url",
                "https://yoursite.com/thank-you"))
        .post(url("/v1/payments/"))
        .then()
        .statusCode(202);

    // Get a payment (001, Basic) and the documented PaymentResponse fields.
    given()
        .auth()
        .preemptive()
        .basic(merchant.skTest(), "")
        .accept("application/json")
        .get(url("/v1/payments/" + paymentId))
        .then()
        .statusCode(200)
        .body("id", is(paymentId))
        .body("amount", is("500.00"))
        .body("currency", is("USD"))
        .body("status", is("pending"))
        .body("items", contains("Premium Plan - Monthly"))
        .body("payment_method", is("card"))
        .body("test", is(true))
        .body("created_at", notNullValue())
        .body("updated_at", notNullValue());

    // List (000) is a bare array with X-Total-Count; 001's list call with status/test filters.
    given()
        .header("X-Api-Key", merchant.skTest())
        .get(url("/v1/payments/?limit=10&offset=0"))
        .then()
        .statusCode(200)
        .header("X-Total-Count", "2")
        .body("size()", is(2));
    given()
        .auth()
        .preemptive()
        .basic(merchant.skTest(), "")
        .get(url("/v1/payments/?status=succeeded&test=false"))
        .then()
        .statusCode(200)
        .body("size()", is(0));
    given()
        .header("X-Api-Key", merchant.skTest())
        .get(url("/v1/payments/internal"))
        .then()
        .statusCode(200)
        .body("size()", is(2))
        .body("[0].currency", is("USD"))
        .body("[0]", org.hamcrest.Matchers.hasKey("exchange_usd_to_local"));

    // 404 body exactly as 001 shows it.
    given()
        .header("X-Api-Key", merchant.skTest())
        .get(url("/v1/payments/pay_doesnotexist00000000"))
        .then()
        .statusCode(404)
        .body("code", is(404))
        .body("title", is("Payments not found"))
        .body("content", is("Errors were encountered during the search, please verify the data."))
        .body("type", is("danger"));
  }

  @Test
  void documentedErrorShapes() {
    // 401, both variants (001's table).
    given()
        .post(url("/v1/payments/"))
        .then()
        .statusCode(401)
        .body("detail", is("Invalid API key format."));
    given()
        .header("X-Api-Key", "sk_test_51O62xYzAbcDef123")
        .get(url("/v1/payments/"))
        .then()
        .statusCode(401)
        .body("detail", is("Invalid API key."));
    // 422 (000): a missing amount names ["body", "amount"].
    given()
        .header("X-Api-Key", merchant.skTest())
        .contentType("application/json")
        .body(
            Map.of(
                "description",
                "x",
                "currency",
                "USD",
                "items",
                List.of("a"),
                "return_url",
                "https://example.com/r"))
        .post(url("/v1/payments/"))
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "amount"))
        .body("detail[0].msg", is("field required"))
        .body("detail[0].type", is("value_error.missing"));
    // 409: the same Idempotency-Key with another body.
    String key = "docs-" + UUID.randomUUID();
    given()
        .header("X-Api-Key", merchant.skTest())
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(Map.of("email", "a@example.com"))
        .post(url("/v1/customers"))
        .then()
        .statusCode(200);
    given()
        .header("X-Api-Key", merchant.skTest())
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(Map.of("email", "a@example.com"))
        .post(url("/v1/customers"))
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true");
    given()
        .header("X-Api-Key", merchant.skTest())
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(Map.of("email", "b@example.com"))
        .post(url("/v1/customers"))
        .then()
        .statusCode(409)
        .body("code", is(409))
        .body("type", is("danger"))
        .body("content", containsString("Idempotency-Key"));
  }
}
