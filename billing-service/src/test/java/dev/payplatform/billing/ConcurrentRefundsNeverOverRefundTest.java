package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The refund race: many refunds of one payment at the same moment. The payment's row lock makes
 * them queue, so what was refunded never exceeds what was captured.
 */
@QuarkusTest
class ConcurrentRefundsNeverOverRefundTest {
  private static final int RACERS = 50;

  private static List<Response> race(String m, Map<String, Object> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        Callable<Response> call =
            () -> {
              start.await();
              return Api.asTest(m).body(body).post("/v1/refunds");
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> f : futures) {
        responses.add(f.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fiftyConcurrentPartialRefundsNeverExceedTheCapturedAmount() throws Exception {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 10_000);
    List<Response> responses = race(m, Map.of("payment_id", payment, "amount", 300));

    long accepted = responses.stream().filter(r -> r.statusCode() == 200).count();
    List<Response> refused = responses.stream().filter(r -> r.statusCode() != 200).toList();
    assertThat(accepted).as("10000 / 300 = 33 refunds fit, no more").isEqualTo(33);
    assertThat(refused).hasSize(17);
    assertThat(refused)
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(400);
              assertThat(r.jsonPath().getString("content")).contains("exceeds");
            });
    assertThat(
            Db.count("select coalesce(sum(amount), 0) from refund where payment_id = ?", payment))
        .isEqualTo(9900);
    assertThat(Db.count("select refunds_pending from payment_record where id = ?", payment))
        .isEqualTo(9900);
  }

  @Test
  void fiftyConcurrentFullRefundsLetExactlyOneThrough() throws Exception {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 2500);
    List<Response> responses = race(m, Map.of("payment_id", payment));
    assertThat(responses.stream().filter(r -> r.statusCode() == 200).count()).isEqualTo(1);
    assertThat(responses.stream().filter(r -> r.statusCode() == 409).count()).isEqualTo(49);
    assertThat(
            Db.count("select coalesce(sum(amount), 0) from refund where payment_id = ?", payment))
        .isEqualTo(2500);
  }
}
