package dev.payplatform.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/payments/intent} and {@code /subscription}: one open intent per session, reused
 * on every call; complete and expired sessions are refused with a clear 4xx.
 */
@QuarkusTest
class PaymentIntentApiTest {

  @Test
  void createAnswers201WithTheDocumentedFields() {
    String session = Api.session(Api.newMerchant());
    Response r = Api.buyer().body(Map.of("session_id", session)).post("/v1/payments/intent");
    r.then()
        .statusCode(201)
        .body("payment_intent_id", matchesPattern("pi_[A-Za-z0-9_-]{22}"))
        .body("client_secret", startsWith(r.<String>path("payment_intent_id") + "_secret_"))
        .body("amount", is("99.99"))
        .body("currency", is("USD"));
    String intent = r.path("payment_intent_id");
    assertThat(Db.text("select payment_intent_id from checkout_session where id = ?", session))
        .isEqualTo(intent);
    assertThat(Db.text("select payment_id from checkout_session where id = ?", session))
        .matches("pay_[A-Za-z0-9_-]{22}")
        .isEqualTo(Db.text("select payment_id from payment_intent where id = ?", intent));
    assertThat(
            Db.text(
                "select purpose || ' ' || reference || ' ' || status from payment_intent where id = ?",
                intent))
        .isEqualTo("session " + session + " requires_payment_method");
  }

  @Test
  void callingAgainReturnsTheSameOpenIntentEvenAfterADecline() {
    String session = Api.session(Api.newMerchant());
    Api.Intent first = Api.intent(session);
    assertThat(Api.intent(session)).isEqualTo(first);
    Api.confirm(first, "4000000000000002").then().statusCode(402);
    assertThat(Api.intent(session)).isEqualTo(first);
    assertThat(Db.count("select count(*) from payment_intent where session_id = ?", session))
        .isOne();
  }

  @Test
  void aSubscriptionSessionIsPaidThroughTheSubscriptionEndpoint() {
    String merchant = Api.newMerchant();
    String subscription = Api.subscriptionSession(merchant);
    Api.buyer()
        .body(Map.of("session_id", subscription))
        .post("/v1/payments/intent")
        .then()
        .statusCode(400)
        .body("code", is(400))
        .body("content", org.hamcrest.Matchers.containsString("/v1/payments/subscription"));
    Api.Intent intent = Api.subscriptionIntent(subscription);
    assertThat(Api.subscriptionIntent(subscription)).isEqualTo(intent);
    Api.buyer()
        .body(Map.of("session_id", subscription))
        .post("/v1/payments/subscription")
        .then()
        .statusCode(201)
        .body("amount", is("19.00"));
    assertThat(
            Db.text(
                "select save_payment_method::text from payment_intent where id = ?", intent.id()))
        .isEqualTo("true");

    String payment = Api.session(merchant);
    Api.buyer()
        .body(Map.of("session_id", payment))
        .post("/v1/payments/subscription")
        .then()
        .statusCode(400)
        .body("content", org.hamcrest.Matchers.containsString("/v1/payments/intent"));
  }

  @Test
  void theSessionIdIsRequiredAndMustExist() {
    Api.buyer()
        .body("{}")
        .post("/v1/payments/intent")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "session_id"))
        .body("detail[0].type", is("value_error.missing"));
    Api.buyer()
        .post("/v1/payments/subscription")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body"));
    Api.buyer()
        .body(Map.of("session_id", 42))
        .post("/v1/payments/intent")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "session_id"));
    Api.buyer()
        .body(Map.of("session_id", "sess_doesnotexistdoesnotexist"))
        .post("/v1/payments/intent")
        .then()
        .statusCode(404)
        .body("code", is(404))
        .body("type", is("danger"));
  }

  @Test
  void aCompleteSessionIsRefusedWith409() {
    String session = Api.session(Api.newMerchant());
    Api.confirm(Api.intent(session), "4242424242424242").then().statusCode(200);
    given().get("/v1/payments/session/" + session).then().body("status", is("complete"));
    Api.buyer()
        .body(Map.of("session_id", session))
        .post("/v1/payments/intent")
        .then()
        .statusCode(409)
        .body("code", is(409))
        .body("content", is("This checkout session is already complete."));
  }

  @Test
  void anExpiredSessionIsRefusedWith410AndTheSweepCancelsItsIntent() {
    String session = Api.session(Api.newMerchant());
    Api.Intent intent = Api.intent(session);
    Db.update(
        "update checkout_session set expires_at = now() - interval '1 minute' where id = ?",
        session);

    // Reads treat a past expiry as expired whether or not the sweep ran.
    given()
        .get("/v1/payments/session/" + session)
        .then()
        .statusCode(200)
        .body("status", is("expired"));
    Api.buyer()
        .body(Map.of("session_id", session))
        .post("/v1/payments/intent")
        .then()
        .statusCode(410)
        .body("code", is(410))
        .body("type", is("danger"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "expired"
                    .equals(Db.text("select status from checkout_session where id = ?", session)));
    assertThat(
            Db.text(
                "select status || ' ' || cancellation_reason from payment_intent where id = ?",
                intent.id()))
        .isEqualTo("canceled session_expired");
    Api.confirm(intent, "4242424242424242").then().statusCode(410).body("code", is(410));
  }
}
