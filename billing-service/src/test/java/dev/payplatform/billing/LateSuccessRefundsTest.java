package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.ids.Ids;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A charge that succeeded after its payment was canceled is refunded automatically, once, unless
 * the merchant keeps late successes: payments-service says which in {@code payment.succeeded}'s
 * {@code late_success}.
 */
@QuarkusTest
class LateSuccessRefundsTest {

  private static String lateSuccess(String merchant, String action) {
    String id = Ids.newId("pay");
    Upstream.payment(merchant, false, "payment.created", id, 2500, "pending", null);
    Upstream.payment(
        merchant,
        false,
        "payment.succeeded",
        id,
        2500,
        "completed",
        null,
        Map.of("late_success", action));
    return id;
  }

  @Test
  void aLateSuccessIsRefundedInFullOnceWithTheReasonExpiredUncapturedCharge() {
    String m = Api.newMerchant();
    String payment = lateSuccess(m, "refund");
    // The same announcement again (a replayed dead letter under a new event id).
    Upstream.payment(
        m,
        false,
        "payment.succeeded",
        payment,
        2500,
        "completed",
        null,
        Map.of("late_success", "refund"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        Db.rows("select amount, reason from refund where payment_id = ?", payment))
                    .hasSize(1)
                    .first()
                    .satisfies(
                        r ->
                            assertThat(r)
                                .containsEntry("amount", 2500L)
                                .containsEntry("reason", "expired_uncaptured_charge")));
    // The refund is the merchant's to see, like any other.
    assertThat(
            Api.asTest(m)
                .get("/v1/refunds?payment_id=" + payment)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.reason"))
        .containsExactly("expired_uncaptured_charge");
  }

  @Test
  void aKeptLateSuccessOrAnOrdinaryOneIsNotRefunded() {
    String m = Api.newMerchant();
    String kept = lateSuccess(m, "keep");
    String ordinary = Upstream.completedPayment(m, false, 2500);
    // The refund would be made in the transaction that records the payment completed: once the
    // record shows it, the decision was taken.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Db.count(
                        "select count(*) from payment_record where id = ? and status = 'completed'",
                        kept)
                    == 1);
    assertThat(Db.count("select count(*) from refund where payment_id in (?, ?)", kept, ordinary))
        .isZero();
  }
}
