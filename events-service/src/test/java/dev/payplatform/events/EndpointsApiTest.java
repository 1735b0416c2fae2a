package dev.payplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.payplatform.commons.testing.TestApi;
import dev.payplatform.commons.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint API's rules: what may be an endpoint, what a merchant sees, and tenancy. */
@QuarkusTest
class EndpointsApiTest {
  @BeforeEach
  void serviceHasReadTheTopics() {
    Hooks.awaitCaughtUp();
  }

  private static final TestDb DB = TestDb.forService("events");

  @Test
  void privateAndLinkLocalAddressesAreRefusedButTheAllowedLoopbackIsAccepted() {
    String merchant = TestApi.newMerchant();
    for (String url :
        List.of(
            "http://10.1.2.3/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://192.168.0.10:8080/x",
            "http://[fd00::1]/hook",
            "http://0.0.0.0/hook")) {
      TestApi.asTest(merchant)
          .body(Map.of("url", url, "enabled_events", List.of("*")))
          .post("/v1/webhook_endpoints")
          .then()
          .statusCode(422)
          .body("detail[0].loc", equalTo(List.of("body", "url")));
    }
    // Loopback is allowed by this profile's events.webhooks.allowed-networks.
    TestApi.asTest(merchant)
        .body(Map.of("url", "http://127.0.0.1:9/hook", "enabled_events", List.of("*")))
        .post("/v1/webhook_endpoints")
        .then()
        .statusCode(200);
  }

  @Test
  void aRetriedCreateMakesOneEndpointAndNeverShowsItsSecretTwice() {
    String merchant = TestApi.newMerchant();
    String key = java.util.UUID.randomUUID().toString();
    Map<String, Object> body =
        Map.of("url", "http://127.0.0.1:9/once", "enabled_events", List.of("*"));

    TestApi.asTest(merchant)
        .header("Idempotency-Key", key)
        .body(body)
        .post("/v1/webhook_endpoints")
        .then()
        .statusCode(200)
        .body("secret", org.hamcrest.Matchers.startsWith("whsec_"));
    TestApi.asTest(merchant)
        .header("Idempotency-Key", key)
        .body(body)
        .post("/v1/webhook_endpoints")
        .then()
        .statusCode(409)
        .body("title", equalTo("Answer not replayed"))
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("whsec_")));

    assertThat(DB.count("select count(*) from webhook_endpoint where merchant_id = ?", merchant))
        .isEqualTo(1);
    assertThat(
            DB.count(
                "select count(*) from idempotent_request where idempotency_key = ?"
                    + " and response_body is null and not replayable",
                key))
        .isEqualTo(1);
  }

  @Test
  void liveEndpointsNeedHttpsAndUnknownEventTypesAreRefused() {
    String merchant = TestApi.newMerchant();
    TestApi.as(merchant, "live")
        .body(Map.of("url", "http://127.0.0.1:9/hook", "enabled_events", List.of("*")))
        .post("/v1/webhook_endpoints")
        .then()
        .statusCode(422)
        .body("detail[0].msg", equalTo("must use https in live mode"));
    TestApi.asTest(merchant)
        .body(
            Map.of(
                "url",
                "http://127.0.0.1:9/hook",
                "enabled_events",
                List.of("payment.succeeded", "payment.sucseeded", "refund.*")))
        .post("/v1/webhook_endpoints")
        .then()
        .statusCode(422)
        .body("detail[0].loc", equalTo(List.of("body", "enabled_events", "1")));
    TestApi.asTest(merchant)
        .body(Map.of("url", "ftp://example.com/x", "enabled_events", List.of("*")))
        .post("/v1/webhook_endpoints")
        .then()
        .statusCode(422);
    TestApi.asTest(merchant)
        .body(Map.of("enabled_events", List.of("*")))
        .post("/v1/webhook_endpoints")
        .then()
        .statusCode(422);
  }

  @Test
  void theSecretIsShownOnceAndStoredOnlySealed() {
    String merchant = TestApi.newMerchant();
    String secret =
        Hooks.endpoint(merchant, "test", "http://127.0.0.1:9/hook", List.of("*"))
            .getString("secret");
    String id =
        TestApi.asTest(merchant)
            .get("/v1/webhook_endpoints")
            .then()
            .statusCode(200)
            .body("total_items", equalTo(1))
            .body("items[0]", not(org.hamcrest.Matchers.hasKey("secret")))
            .extract()
            .path("items[0].id");
    String stored = DB.text("select secret_sealed from webhook_endpoint where id = ?", id);
    assertThat(stored).doesNotContain(secret).doesNotContain(secret.substring(6));
  }

  @Test
  void anotherMerchantsOrModesEventsAndEndpointsAreNotFound() {
    String owner = TestApi.newMerchant();
    String other = TestApi.newMerchant();
    String endpoint =
        Hooks.endpoint(owner, "test", "http://127.0.0.1:9/hook", List.of("*")).getString("id");
    String payment = Hooks.paymentId();
    String event = Hooks.paymentEvent(owner, false, "payment.created", payment);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> TestApi.asTest(owner).get("/v1/events/" + event).then().statusCode(200));

    for (String path :
        List.of(
            "/v1/events/" + event,
            "/v1/webhook_endpoints/" + endpoint,
            "/v1/webhook_endpoints/" + endpoint + "/deliveries")) {
      TestApi.asTest(other).get(path).then().statusCode(404);
      TestApi.as(owner, "live").get(path).then().statusCode(404);
    }
    TestApi.asTest(other).post("/v1/events/" + event + "/resend").then().statusCode(404);
    TestApi.asTest(other)
        .body(Map.of("disabled", true))
        .patch("/v1/webhook_endpoints/" + endpoint)
        .then()
        .statusCode(404);
    TestApi.asTest(other).delete("/v1/webhook_endpoints/" + endpoint).then().statusCode(404);
    TestApi.asTest(other)
        .queryParam("object_id", payment)
        .get("/v1/events")
        .then()
        .statusCode(200)
        .body("total_items", equalTo(0));
    TestApi.as(owner, "live")
        .get("/v1/events")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(event)));
  }

  @Test
  void anEndpointCanBeChangedDisabledEnabledAndDeleted() {
    String merchant = TestApi.newMerchant();
    String id =
        Hooks.endpoint(merchant, "test", "http://127.0.0.1:9/hook", List.of("*")).getString("id");
    TestApi.asTest(merchant)
        .body(
            Map.of(
                "enabled_events",
                List.of("refund.*"),
                "disabled",
                true,
                "url",
                "http://127.0.0.1:10/h"))
        .patch("/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("disabled"))
        .body("url", equalTo("http://127.0.0.1:10/h"))
        .body("enabled_events", equalTo(List.of("refund.*")));
    TestApi.asTest(merchant)
        .body(Map.of("disabled", false))
        .patch("/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("enabled"));
    TestApi.asTest(merchant)
        .delete("/v1/webhook_endpoints/" + id)
        .then()
        .statusCode(200)
        .body("deleted", equalTo(true));
    TestApi.asTest(merchant).get("/v1/webhook_endpoints/" + id).then().statusCode(404);
  }

  @Test
  void listFiltersAreCheckedAndCreatedRangesApply() {
    String merchant = TestApi.newMerchant();
    TestApi.asTest(merchant)
        .queryParam("created[gte]", "yesterday")
        .queryParam("type", "Payment!")
        .get("/v1/events")
        .then()
        .statusCode(422)
        .body("detail.size()", equalTo(2));
    String event = Hooks.paymentEvent(merchant, false, "payment.created", Hooks.paymentId());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> TestApi.asTest(merchant).get("/v1/events/" + event).then().statusCode(200));
    TestApi.asTest(merchant)
        .queryParam("created[gte]", "2000-01-01T00:00:00Z")
        .queryParam("created[lte]", Long.toString(System.currentTimeMillis() / 1000 + 60))
        .get("/v1/events")
        .then()
        .body("total_items", equalTo(1));
    TestApi.asTest(merchant)
        .queryParam("created[lte]", "2000-01-01T00:00:00Z")
        .get("/v1/events")
        .then()
        .body("total_items", equalTo(0));
  }
}
