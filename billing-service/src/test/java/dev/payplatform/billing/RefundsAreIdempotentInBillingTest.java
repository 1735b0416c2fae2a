package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * billing-service honours {@code Idempotency-Key} itself, in the refund's own transaction: a retry
 * that comes after the edge forgot the key (its lease ran out) gets the first answer, never a
 * second refund, and a refund whose caller hung up still runs to its end.
 */
@QuarkusTest
class RefundsAreIdempotentInBillingTest {

  private static Response refund(String merchant, String key, Map<String, Object> body) {
    return Api.asTest(merchant).header("Idempotency-Key", key).body(body).post("/v1/refunds");
  }

  @Test
  void aRefundWhoseCallerHungUpRunsToItsEndAndItsRetryGetsTheFirstAnswer() throws Exception {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 5000);
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("payment_id", payment, "amount", 1200);

    // The payment's row is held, as a slow database or a concurrent refund would hold it, while
    // the caller gives up after a second and closes its connection (the edge's timeout).
    try (Connection holder = Db.connect()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement("select id from payment_record where id = ? for update")) {
        lock.setString(1, payment);
        lock.executeQuery();
      }
      RestAssuredConfig impatient =
          RestAssuredConfig.config()
              .httpClient(
                  HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 1000));
      CompletableFuture<Void> hungUp =
          CompletableFuture.runAsync(
              () ->
                  assertThatThrownBy(
                          () ->
                              Api.asTest(m)
                                  .config(impatient)
                                  .header("Idempotency-Key", key)
                                  .body(body)
                                  .post("/v1/refunds"))
                      .hasStackTraceContaining("timed out"));
      hungUp.get();
      Thread.sleep(500); // the server sees the connection closed while it waits for the lock
      holder.commit();
    }

    // The refund the caller abandoned is made all the same, once.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(Db.count("select count(*) from refund where payment_id = ?", payment))
                    .isEqualTo(1));
    String made = (String) Db.row("select id from refund where payment_id = ?", payment).get("id");

    Response retry = refund(m, key, body);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.jsonPath().getString("id")).isEqualTo(made);
    assertThat(retry.jsonPath().getLong("amount")).isEqualTo(1200);
    assertThat(Db.count("select count(*) from refund where payment_id = ?", payment)).isEqualTo(1);
  }

  @Test
  void aRetryGetsTheFirstAnswerAndTheSameKeyWithAnotherRequestIsRefused() {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 5000);
    String key = UUID.randomUUID().toString();

    Response first = refund(m, key, Map.of("payment_id", payment, "amount", 700));
    Response again = refund(m, key, Map.of("payment_id", payment, "amount", 700));
    Response other = refund(m, key, Map.of("payment_id", payment, "amount", 800));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(other.jsonPath().getString("title")).isEqualTo("Idempotency conflict");
    assertThat(
            Db.count("select coalesce(sum(amount), 0) from refund where payment_id = ?", payment))
        .isEqualTo(700);
  }

  @Test
  void theSameKeyInTheOtherModeOrOfAnotherMerchantIsAnotherRequest() {
    String m = Api.newMerchant();
    String other = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 5000);
    String othersPayment = Upstream.completedPayment(other, false, 5000);
    String key = UUID.randomUUID().toString();

    assertThat(refund(m, key, Map.of("payment_id", payment, "amount", 100)).statusCode())
        .isEqualTo(200);
    Response theirs = refund(other, key, Map.of("payment_id", othersPayment, "amount", 100));
    assertThat(theirs.statusCode()).isEqualTo(200);
    assertThat(theirs.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void aRefusedRequestIsNotStoredSoItsCorrectedRetryRuns() {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 5000);
    String key = UUID.randomUUID().toString();

    // Too much: refused, nothing happened, so the key is still free for the same request.
    assertThat(refund(m, key, Map.of("payment_id", payment, "amount", 9000)).statusCode())
        .isEqualTo(400);
    assertThat(Db.count("select count(*) from idempotent_request where idempotency_key = ?", key))
        .isZero();
  }
}
