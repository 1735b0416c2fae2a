package dev.payplatform.payments;

import static dev.payplatform.payments.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * payments-service keeps its own record of an {@code Idempotency-Key}: a retry that reaches it
 * after the edge forgot the key gets the first 202, byte for byte, and no second payment.
 */
@QuarkusTest
class PaymentsAreIdempotentTest {

  @Test
  void aRetriedPaymentGetsTheFirstAnswerByteForByteAndNoSecondPayment() {
    String merchant = Api.newMerchant();
    String key = UUID.randomUUID().toString();

    Response first =
        as(merchant, "test")
            .header("Idempotency-Key", key)
            .body(Api.body("49.99", "USD"))
            .post("/v1/payments/");
    Response again =
        as(merchant, "test")
            .header("Idempotency-Key", key)
            .body(Api.body("49.99", "USD"))
            .post("/v1/payments/");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.contentType()).startsWith("application/json");
    assertThat(again.asString()).isEqualTo(first.asString());
    assertThat(Db.count("select count(*) from payment where merchant_id = ?", merchant))
        .isEqualTo(1);
  }

  @Test
  void theSameKeyForAnotherAmountIsRefusedWithTheEdgesConflictShape() {
    String merchant = Api.newMerchant();
    String key = UUID.randomUUID().toString();
    as(merchant, "test")
        .header("Idempotency-Key", key)
        .body(Api.body("49.99", "USD"))
        .post("/v1/payments/")
        .then()
        .statusCode(202);

    Response other =
        as(merchant, "test")
            .header("Idempotency-Key", key)
            .body(Api.body("50.00", "USD"))
            .post("/v1/payments/");
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(other.jsonPath().getString("title")).isEqualTo("Idempotency conflict");
    assertThat(Db.count("select count(*) from payment where merchant_id = ?", merchant))
        .isEqualTo(1);
  }
}
