package dev.payplatform.payments;

import static dev.payplatform.payments.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/payments/ and /v1/payments/{id}: 000's PaymentResponse, filters, pagination, newest
 * first, and tenancy (merchant and mode) on every read.
 */
@QuarkusTest
class ListAndGetPaymentsTest {

  @Test
  void theListIsABareArrayOfPaymentResponsesNewestFirstWithATotal() {
    String merchant = Api.newMerchant();
    String first = Api.createPayment(merchant, "test", "1.00", "USD");
    String second = Api.createPayment(merchant, "test", "2.00", "USD");
    String third = Api.createPayment(merchant, "test", "3.00", "USD");
    String raw =
        as(merchant, "test")
            .get("/v1/payments/")
            .then()
            .statusCode(200)
            .header("X-Total-Count", "3")
            .body("id", contains(third, second, first))
            .extract()
            .asString();
    JsonNode list = Api.read(raw);
    assertThat(list.isArray()).isTrue();
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = list.get(0).fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertThat(keys)
        .containsExactly(
            "id",
            "amount",
            "currency",
            "description",
            "status",
            "items",
            "customer_email",
            "return_url",
            "payment_method",
            "card_last4",
            "card_brand",
            "network",
            "created_at",
            "updated_at",
            "test",
            // Added to the documented shape: whether it was ever disputed (docs/disputes.md).
            "disputed",
            "dispute_id");
    JsonNode p = list.get(0);
    assertThat(p.get("amount").asText()).isEqualTo("3.00");
    assertThat(p.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(p.get("items").get(0).asText()).isEqualTo("Monthly Subscription");
  }

  @Test
  void limitAndOffsetPage() {
    String merchant = Api.newMerchant();
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      ids.add(0, Api.createPayment(merchant, "test", i + ".00", "USD"));
    }
    as(merchant, "test")
        .get("/v1/payments/?limit=2")
        .then()
        .statusCode(200)
        .header("X-Total-Count", "5")
        .body("id", contains(ids.get(0), ids.get(1)));
    as(merchant, "test")
        .get("/v1/payments/?limit=2&offset=2")
        .then()
        .body("id", contains(ids.get(2), ids.get(3)));
    as(merchant, "test")
        .get("/v1/payments/?limit=2&offset=4")
        .then()
        .body("id", contains(ids.get(4)));
    as(merchant, "test")
        .get("/v1/payments/?offset=9")
        .then()
        .statusCode(200)
        .header("X-Total-Count", "5")
        .body("size()", is(0));
    as(merchant, "test").get("/v1/payments/").then().body("size()", is(5));
  }

  @Test
  void badQueryParametersAre422NamingThem() {
    String merchant = Api.newMerchant();
    as(merchant, "test")
        .get("/v1/payments/?limit=0")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "limit"));
    as(merchant, "test")
        .get("/v1/payments/?limit=101")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "limit"));
    as(merchant, "test")
        .get("/v1/payments/?offset=-1")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "offset"));
    as(merchant, "test")
        .get("/v1/payments/?status=paid")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "status"));
    as(merchant, "test")
        .get("/v1/payments/internal?test=maybe")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "test"));
    as(merchant, "test")
        .get("/v1/payments/pay_AAAAAAAAAAAAAAAAAAAAAA?test=yes")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "test"));
  }

  @Test
  void statusFiltersAcceptPublicWordsAndSucceededForCompleted() {
    String merchant = Api.newMerchant();
    String pending = Api.createPayment(merchant, "test", "1.00", "USD");
    String paid = Api.createPayment(merchant, "test", "2.00", "USD");
    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(paid, 200, "USD"));
    Api.awaitStatus(merchant, "test", paid, "completed");

    as(merchant, "test")
        .get("/v1/payments/?status=completed")
        .then()
        .header("X-Total-Count", "1")
        .body("id", contains(paid));
    as(merchant, "test")
        .get("/v1/payments/?status=succeeded&test=true")
        .then()
        .body("id", contains(paid));
    as(merchant, "test").get("/v1/payments/?status=pending").then().body("id", contains(pending));
    as(merchant, "test").get("/v1/payments/?status=refunded").then().body("size()", is(0));
    as(merchant, "test")
        .get("/v1/payments/internal?status=succeeded")
        .then()
        .body("id", contains(paid))
        .body("[0].status", is("succeeded"));
    as(merchant, "test")
        .get("/v1/payments/internal?status=pending")
        .then()
        .body("id", contains(pending));
  }

  @Test
  void testAndLiveDataNeverMix() {
    String merchant = Api.newMerchant();
    String sandbox = Api.createPayment(merchant, "test", "1.00", "USD");
    String live = Api.createPayment(merchant, "live", "2.00", "USD");

    as(merchant, "test").get("/v1/payments/").then().body("id", contains(sandbox));
    as(merchant, "live")
        .get("/v1/payments/")
        .then()
        .body("id", contains(live))
        .body("[0].test", is(false));
    // The test filter narrows within the key's mode; it never reaches the other mode's data.
    as(merchant, "test")
        .get("/v1/payments/?test=false")
        .then()
        .statusCode(200)
        .header("X-Total-Count", "0")
        .body("size()", is(0));
    as(merchant, "live").get("/v1/payments/?test=true").then().body("size()", is(0));
    as(merchant, "live").get("/v1/payments/internal?test=true").then().body("size()", is(0));
    as(merchant, "live").get("/v1/payments/?test=false").then().body("id", contains(live));

    notFound(merchant, "live", "/v1/payments/" + sandbox);
    notFound(merchant, "test", "/v1/payments/" + live);
    notFound(merchant, "test", "/v1/payments/" + sandbox + "?test=false");
    as(merchant, "test")
        .get("/v1/payments/" + sandbox + "?test=true")
        .then()
        .statusCode(200)
        .body("id", is(sandbox))
        .body("test", is(true));
  }

  @Test
  void anotherMerchantsPaymentIsTheDocumented404() {
    String owner = Api.newMerchant();
    String stranger = Api.newMerchant();
    String id = Api.createPayment(owner, "test", "1.00", "USD");
    notFound(stranger, "test", "/v1/payments/" + id);
    as(stranger, "test").get("/v1/payments/").then().body("size()", is(0));
    notFound(owner, "test", "/v1/payments/pay_doesnotexist0000000000");
    notFound(owner, "test", "/v1/payments/not-an-id");
  }

  @Test
  void getAnswersThePaymentResponse() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "49.99", "USD");
    as(merchant, "test")
        .get("/v1/payments/" + id)
        .then()
        .statusCode(200)
        .body("id", is(id))
        .body("amount", is("49.99"))
        .body("currency", is("USD"))
        .body("description", is("Monthly plan"))
        .body("status", is("pending"))
        .body("items", contains("Monthly Subscription"))
        .body("return_url", is("https://yoursite.com/thank-you"))
        .body("payment_method", is("card"))
        .body("test", is(true));
  }

  private static void notFound(String merchant, String mode, String path) {
    String raw = as(merchant, mode).get(path).then().statusCode(404).extract().asString();
    assertThat(raw)
        .isEqualTo(
            "{\"code\":404,\"title\":\"Payments not found\",\"content\":\"Errors were encountered"
                + " during the search, please verify the data.\",\"type\":\"danger\"}");
  }
}
