package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class IdempotencyAndRateLimitTest {

  private static Response post(String key, String idempotencyKey, String body, String path) {
    return given()
        .header("X-Api-Key", key)
        .header("Idempotency-Key", idempotencyKey)
        .contentType("application/json")
        .body(body)
        .post(path);
  }

  @Test
  void sameKeyAndBodyReplaysTheStoredAnswerWithoutCallingTheServiceAgain() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String key = "idem-" + UUID.randomUUID();
    Response first = post(m.testKey(), key, "{\"email\":\"a@b.co\"}", "/v1/customers?status=201");
    first.then().statusCode(201);
    assertThat(first.getHeader("Idempotent-Replayed")).isNull();
    Response second = post(m.testKey(), key, "{\"email\":\"a@b.co\"}", "/v1/customers?status=201");
    second.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(second.asString()).isEqualTo(first.asString());
    assertThat(EchoUpstreams.CALLS_BY_IDEMPOTENCY_KEY.get(key).get()).isEqualTo(1);
  }

  @Test
  void anAnswerMarkedNoStoreIsNeverKeptAndItsRetryIs409NotASecondEffect() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String key = "idem-" + UUID.randomUUID();
    String path = "/v1/webhook_endpoints?nostore=1";
    Response first = post(m.testKey(), key, "{\"url\":\"https://example.com/h\"}", path);
    first.then().statusCode(200).header("Cache-Control", "no-store");
    post(m.testKey(), key, "{\"url\":\"https://example.com/h\"}", path)
        .then()
        .statusCode(409)
        .header("Idempotent-Replayed", "true")
        .body("code", is(409))
        .body("content", containsString("shown only once"));
    assertThat(EchoUpstreams.CALLS_BY_IDEMPOTENCY_KEY.get(key).get()).isEqualTo(1);
    assertThat(
            dev.payplatform.commons.testing.TestDb.forService("edge")
                .text(
                    "select convert_from(response_body, 'UTF8') from idempotency_record"
                        + " where idem_key = ?",
                    key))
        .doesNotContain("example.com");
  }

  @Test
  void sameKeyWithAnotherBodyIs409() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String key = "idem-" + UUID.randomUUID();
    post(m.testKey(), key, "{\"email\":\"a@b.co\"}", "/v1/customers").then().statusCode(200);
    post(m.testKey(), key, "{\"email\":\"other@b.co\"}", "/v1/customers")
        .then()
        .statusCode(409)
        .body("code", is(409))
        .body("type", is("danger"));
  }

  @Test
  void keysAreScopedByMerchantAndMode() {
    EdgeFixtures.TestMerchant a = EdgeFixtures.merchant();
    EdgeFixtures.TestMerchant b = EdgeFixtures.merchant();
    String key = "shared-" + UUID.randomUUID();
    post(a.testKey(), key, "{}", "/v1/products").then().statusCode(200);
    post(a.liveKey(), key, "{\"x\":1}", "/v1/products")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", (String) null);
    post(b.testKey(), key, "{\"y\":2}", "/v1/products")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", (String) null);
  }

  @Test
  void validationFailuresAreNotStoredSoTheFixedRequestGoesThrough() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String key = "idem-" + UUID.randomUUID();
    post(m.testKey(), key, "{}", "/v1/plans?status=422").then().statusCode(422);
    post(m.testKey(), key, "{}", "/v1/plans?status=422")
        .then()
        .statusCode(422)
        .header("Idempotent-Replayed", (String) null);
    assertThat(EchoUpstreams.CALLS_BY_IDEMPOTENCY_KEY.get(key).get()).isEqualTo(2);
  }

  @Test
  void aServerErrorIsStoredAndReplayedSoARetryNeverRunsTheRequestTwice() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String key = "idem-" + UUID.randomUUID();
    post(m.testKey(), key, "{\"amount\":500}", "/v1/refunds?status=500").then().statusCode(500);
    post(m.testKey(), key, "{\"amount\":500}", "/v1/refunds?status=500")
        .then()
        .statusCode(500)
        .header("Idempotent-Replayed", "true");
    assertThat(EchoUpstreams.CALLS_BY_IDEMPOTENCY_KEY.get(key).get())
        .as("the refund may have been made by the first call: it is never sent again")
        .isEqualTo(1);
  }

  @Test
  void a503SaysNothingHappenedSoTheRetryGoesThrough() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String key = "idem-" + UUID.randomUUID();
    post(m.testKey(), key, "{}", "/v1/refunds?status=503").then().statusCode(503);
    post(m.testKey(), key, "{}", "/v1/refunds?status=201").then().statusCode(201);
    assertThat(EchoUpstreams.CALLS_BY_IDEMPOTENCY_KEY.get(key).get()).isEqualTo(2);
  }

  @Test
  void anUnansweredRequestKeepsItsKeyInProgressUntilTheLeaseEnds() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    String key = "idem-" + UUID.randomUUID();
    // The upstream answers after the edge's 3 s timeout: the outcome is unknown to the edge.
    post(m.testKey(), key, "{}", "/v1/refunds?delay=4000").then().statusCode(504);
    post(m.testKey(), key, "{}", "/v1/refunds?delay=4000")
        .then()
        .statusCode(409)
        .body("content", containsString("still being processed"));
    assertThat(EchoUpstreams.CALLS_BY_IDEMPOTENCY_KEY.get(key).get()).isEqualTo(1);
    // After the in-flight lease (5 s in tests, not 24 h) the key is free again.
    Thread.sleep(5_500);
    post(m.testKey(), key, "{}", "/v1/refunds?status=201").then().statusCode(201);
    assertThat(EchoUpstreams.CALLS_BY_IDEMPOTENCY_KEY.get(key).get()).isEqualTo(2);
  }

  @Test
  void anOverlongKeyIs400() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant();
    post(m.testKey(), "k".repeat(256), "{}", "/v1/products")
        .then()
        .statusCode(400)
        .body("code", is(400));
  }

  @Test
  void twentyConcurrentIdenticalRequestsAreForwardedExactlyOnce() throws Exception {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant(Map.of("rate_limit_test", 1000));
    String key = "race-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(
            () ->
                post(m.testKey(), key, "{\"amount\":100}", "/v1/payment-links?delay=500&status=201")
                    .statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertThat(EchoUpstreams.CALLS_BY_IDEMPOTENCY_KEY.get(key).get()).isEqualTo(1);
      assertThat(statuses).containsOnly(201, 409).contains(201);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void overTheLimitIs429WithRetryAfter() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant(Map.of("rate_limit_test", 3));
    List<Response> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(given().header("X-Api-Key", m.testKey()).get("/v1/products"));
    }
    Response limited =
        answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 2);
    assertThat(limited.jsonPath().getInt("code")).isEqualTo(429);
    assertThat(limited.jsonPath().getString("type")).isEqualTo("danger");
    assertThat(answers.stream().filter(r -> r.statusCode() == 200).count()).isBetween(3L, 4L);
    // The live key has its own bucket (default 100/s).
    given().header("X-Api-Key", m.liveKey()).get("/v1/products").then().statusCode(200);
  }

  @Test
  void operatorsCanRaiseAMerchantsLimit() {
    EdgeFixtures.TestMerchant m = EdgeFixtures.merchant(Map.of("rate_limit_test", 1));
    given().header("X-Api-Key", m.testKey()).get("/v1/products").then().statusCode(200);
    given().header("X-Api-Key", m.testKey()).get("/v1/products").then().statusCode(429);
    given()
        .header("Authorization", "Bearer " + EdgeFixtures.ADMIN)
        .contentType("application/json")
        .body("{\"rate_limit_test\": 500}")
        .patch("/admin/merchants/" + m.id())
        .then()
        .statusCode(200)
        .body("rate_limit_test", is(500));
    given()
        .header("X-Api-Key", m.testKey())
        .get("/v1/products")
        .then()
        .statusCode(200)
        .header("X-RateLimit-Limit", "500");
  }
}
