package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Payment Links API exactly as api-docs 003 documents it, plus get/deactivate/reactivate. */
@QuarkusTest
class PaymentLinksApiTest {
  static final Map<String, Object> SAMPLE =
      Map.of("amount", 4999, "currency", "USD", "description", "One-time service fee");

  static String create(String m, Map<String, ?> body) {
    return Api.asTest(m)
        .body(body)
        .post("/v1/payment-links")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  @Test
  void theDocumentedSampleCreatesALinkInExactlyTheDocumentedShape() {
    String m = Api.newMerchant();
    try (BillingTopic topic = new BillingTopic()) {
      JsonPath link =
          Api.asTest(m)
              .body(SAMPLE)
              .post("/v1/payment-links")
              .then()
              .statusCode(200)
              .contentType("application/json")
              .extract()
              .jsonPath();
      Map<String, Object> fields = link.getMap("");
      assertThat(fields).containsOnlyKeys("id", "object", "url", "active");
      String id = link.getString("id");
      assertThat(id).matches("plink_[A-Za-z0-9_-]{22}");
      assertThat(link.getString("object")).isEqualTo("payment_link");
      assertThat(link.getString("url")).isEqualTo("http://127.0.0.1:8080/link/" + id);
      assertThat(link.getBoolean("active")).isTrue();
      JsonNode event = topic.await("payment_link.created", id);
      assertThat(event.path("amount").asLong()).isEqualTo(4999);
      assertThat(event.path("paid_count").asInt()).isZero();

      Api.asTest(m)
          .get("/v1/payment-links/" + id)
          .then()
          .statusCode(200)
          .body("id", is(id))
          .body("object", is("payment_link"))
          .body("active", is(true))
          .body("amount", is(4999))
          .body("currency", is("USD"))
          .body("description", is("One-time service fee"))
          .body("paid_count", is(0))
          .body("livemode", is(false));
    }
  }

  @Test
  void theListIsTheDocumentedEnvelopeNewestFirst() {
    String m = Api.newMerchant();
    String older = create(m, SAMPLE);
    String newer =
        create(m, Map.of("amount", 1000, "currency", "eur", "description", "  Consulting hour  "));
    Api.asTest(m).post("/v1/payment-links/" + older + "/deactivate").then().statusCode(200);
    JsonPath page =
        Api.asTest(m)
            .get("/v1/payment-links?limit=5&offset=0")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getMap("")).containsOnlyKeys("items", "total_items", "limit", "offset");
    assertThat(page.getInt("total_items")).isEqualTo(2);
    assertThat(page.getInt("limit")).isEqualTo(5);
    assertThat(page.getInt("offset")).isZero();
    List<Map<String, Object>> items = page.getList("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0)).containsOnlyKeys("id", "object", "url", "active");
    assertThat(items.get(0))
        .containsEntry("id", newer)
        .containsEntry("object", "payment_link")
        .containsEntry("active", true)
        .containsEntry("url", "http://127.0.0.1:8080/link/" + newer);
    assertThat(items.get(1)).containsEntry("id", older).containsEntry("active", false);
    Api.asTest(m)
        .get("/v1/payment-links/" + newer)
        .then()
        .body("currency", is("EUR"))
        .body("description", is("Consulting hour"));
    Api.asTest(m)
        .get("/v1/payment-links?limit=1&offset=1")
        .then()
        .body("items.id", contains(older))
        .body("total_items", is(2));
    Api.asTest(m).get("/v1/payment-links").then().body("limit", is(10)).body("offset", is(0));
    Api.asTest(m)
        .get("/v1/payment-links?limit=abc&offset=-1")
        .then()
        .statusCode(422)
        .body("detail", hasSize(2));
    Api.asTest(m)
        .get("/v1/payment-links?limit=101")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "limit"));
  }

  @Test
  void deactivateAndReactivateFlipTheLinkAndEmitUpdates() {
    String m = Api.newMerchant();
    String id = create(m, SAMPLE);
    try (BillingTopic topic = new BillingTopic()) {
      Api.asTest(m)
          .post("/v1/payment-links/" + id + "/deactivate")
          .then()
          .statusCode(200)
          .body("active", is(false));
      topic.await("payment_link.updated", id, d -> !d.path("active").asBoolean());
      Api.asTest(m)
          .post("/v1/payment-links/" + id + "/deactivate")
          .then()
          .statusCode(200)
          .body("active", is(false));
      Api.asTest(m)
          .post("/v1/payment-links/" + id + "/reactivate")
          .then()
          .statusCode(200)
          .body("active", is(true));
      topic.await("payment_link.updated", id, d -> d.path("active").asBoolean());
    }
  }

  @Test
  void missingAndInvalidFieldsAre422NamingEachField() {
    String m = Api.newMerchant();
    Api.asTest(m)
        .body("{}")
        .post("/v1/payment-links")
        .then()
        .statusCode(422)
        .body("detail", hasSize(3))
        .body("detail[0].loc", contains("body", "amount"))
        .body("detail[0].msg", is("field required"))
        .body("detail[0].type", is("value_error.missing"))
        .body(
            "detail.loc.collect { it[1] }",
            containsInAnyOrder("amount", "currency", "description"));
    Object[][] bad = {
      {"amount", "4999"},
      {"amount", 0},
      {"amount", 49.99},
      {"amount", -1},
      {"amount", 10_000_000_000_001L},
      {"currency", "US"},
      {"currency", "ZZZ"},
      {"currency", 840},
      {"description", ""},
      {"description", "   "},
      {"description", "x".repeat(501)},
      {"description", "line\nbreak"},
    };
    for (Object[] b : bad) {
      Map<String, Object> body = new java.util.HashMap<>(SAMPLE);
      body.put((String) b[0], b[1]);
      Api.asTest(m)
          .body(body)
          .post("/v1/payment-links")
          .then()
          .statusCode(422)
          .body("detail", hasSize(1))
          .body("detail[0].loc", contains("body", b[0]));
    }
    Api.asTest(m)
        .body("not json")
        .post("/v1/payment-links")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body"));
  }

  @Test
  void anotherTenantsLinkIsNotFound() {
    String m = Api.newMerchant();
    String id = create(m, SAMPLE);
    String other = Api.newMerchant();
    for (var spec : List.of(Api.asTest(other), Api.asLive(m))) {
      spec.get("/v1/payment-links/" + id)
          .then()
          .statusCode(404)
          .body("code", is(404))
          .body("title", is("Payment link not found"));
    }
    Api.asTest(other).post("/v1/payment-links/" + id + "/deactivate").then().statusCode(404);
    Api.asLive(m).get("/v1/payment-links").then().body("total_items", is(0));
    Api.asTest(m).get("/v1/payment-links/plink_nope").then().statusCode(404);
    Api.asTest(m).get("/v1/payment-links/" + id).then().statusCode(200).body("active", is(true));
  }
}
