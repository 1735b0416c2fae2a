package dev.payplatform.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks before authorization (docs/checkout.md): the fraud test card, more than N (3) declines
 * of one card at a merchant within an hour, the per-merchant maximum amount; and the card-testing
 * defence that cancels an intent after 5 failed confirmations.
 */
@QuarkusTest
class FraudRulesTest {
  private static final String DECLINES = "4000000000000002";

  @Test
  void theFraudTestCardIsBlockedBeforeTheProcessor() {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    Api.confirm(intent, "4100000000000019")
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("fraudulent"))
        .body("error.message", containsString("fraud"));
    assertThat(Db.text("select last_failure_message from payment_intent where id = ?", intent.id()))
        .contains("sandbox fraud test card");
    assertThat(
            Db.count(
                "select count(*) from sandbox_charge where merchant_id = (select merchant_id from payment_intent where id = ?)",
                intent.id()))
        .isZero();
  }

  @Test
  void aCardDeclinedMoreThanThreeTimesWithinTheHourIsBlockedAtThatMerchant() {
    String merchant = Api.newMerchant();
    Api.Intent first = Api.intent(Api.session(merchant));
    for (int i = 0; i < 3; i++) {
      Api.confirm(first, DECLINES)
          .then()
          .statusCode(402)
          .body("error.decline_reason", is("card_declined"));
    }
    Api.Intent second = Api.intent(Api.session(merchant));
    // The fourth decline still reaches the processor: three is not more than three.
    Api.confirm(second, DECLINES)
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("card_declined"));
    Api.confirm(second, DECLINES)
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("fraudulent"))
        .body("error.message", containsString("declined too many times"));
    // Another card is not this card.
    Api.confirm(second, "4242424242424242").then().statusCode(200).body("status", is("succeeded"));
    // Another merchant has not seen this card decline.
    Api.confirm(Api.intent(Api.session(Api.newMerchant())), DECLINES)
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("card_declined"));
  }

  @Test
  void anAmountAboveTheDefaultMaximumIsBlocked() {
    String merchant = Api.newMerchant();
    Api.confirm(Api.intent(Api.session(merchant, "test", "50000.01", "USD")), "4242424242424242")
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("fraudulent"))
        .body("error.message", containsString("maximum"));
    Api.confirm(Api.intent(Api.session(merchant, "test", "50000.00", "USD")), "4242424242424242")
        .then()
        .statusCode(200);
    // A currency without a configured limit has none.
    Api.confirm(Api.intent(Api.session(merchant, "test", "900000.00", "CHF")), "4242424242424242")
        .then()
        .statusCode(200);
  }

  @Test
  void aMerchantsOwnMaximumReplacesTheDefault() {
    // application.properties: %test.checkout.fraud.max-amount.mer_fraud_limit_test.USD=100.00
    // The merchant id is fixed by that configuration, so its declines add up over every run on
    // the same database within the hour: the blocked attempt uses another card than the ones
    // expected to succeed, or the fourth run would see 4242 "declined too many times".
    String limited = "mer_fraud_limit_test";
    Api.confirm(Api.intent(Api.session(limited, "test", "100.01", "USD")), "5555555555554444")
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("fraudulent"))
        .body("error.message", containsString("maximum"));
    Api.confirm(Api.intent(Api.session(limited, "test", "100.00", "USD")), "4242424242424242")
        .then()
        .statusCode(200);
    // Other currencies keep the default limit.
    Api.confirm(Api.intent(Api.session(limited, "test", "1000.00", "EUR")), "4242424242424242")
        .then()
        .statusCode(200);
  }

  @Test
  void theFifthFailedConfirmationCancelsTheIntentAndClosesTheSession() {
    String session = Api.session(Api.newMerchant());
    Api.Intent intent = Api.intent(session);
    List<String> cards =
        List.of("4000000000000002", "4000000000009995", "4000000000000069", "4000000000000127");
    for (String card : cards) {
      Api.confirm(intent, card)
          .then()
          .statusCode(402)
          .body("error.message", not(containsString("Too many failed attempts")));
    }
    Api.confirm(intent, DECLINES)
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("card_declined"))
        .body("error.message", containsString("Too many failed attempts"));
    assertThat(
            Db.text(
                "select status || ' ' || failed_attempts || ' ' || cancellation_reason from payment_intent where id = ?",
                intent.id()))
        .isEqualTo("canceled 5 too_many_failed_attempts");
    assertThat(
            Db.count(
                "select count(*) from payment_attempt where payment_intent_id = ? and outcome = 'failed'",
                intent.id()))
        .isEqualTo(5);

    Api.confirm(intent, "4242424242424242")
        .then()
        .statusCode(410)
        .body("code", is(410))
        .body("content", is("This payment was canceled after too many failed attempts."));
    given().get("/v1/payments/session/" + session).then().body("status", is("expired"));
    Api.buyer()
        .body(Map.of("session_id", session))
        .post("/v1/payments/intent")
        .then()
        .statusCode(410);
  }

  @Test
  void manyCardsDeclinedFromOneAddressBlockItsNextConfirmationButNotOtherBuyers() {
    String merchant = Api.newMerchant();
    String tester = "203.0.113.9";
    // Five different cards declined from one address: card testing.
    for (String card :
        new String[] {
          "4000000000000002",
          "4000000000009995",
          "4000000000000069",
          "4000000000000127",
          "4111111111111111"
        }) {
      confirmFrom(Api.intent(Api.session(merchant)), card, tester).then().statusCode(402);
    }
    confirmFrom(Api.intent(Api.session(merchant)), "4242424242424242", tester)
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("fraudulent"))
        .body("error.message", containsString("too many declined payments from this network"));
    // Another buyer of the same merchant, and the same address at another merchant, pay.
    confirmFrom(Api.intent(Api.session(merchant)), "4242424242424242", "198.51.100.20")
        .then()
        .statusCode(200);
    confirmFrom(Api.intent(Api.session(Api.newMerchant())), "4242424242424242", tester)
        .then()
        .statusCode(200);
  }

  private static io.restassured.response.Response confirmFrom(
      Api.Intent intent, String number, String clientAddress) {
    java.util.Map<String, Object> body = new java.util.HashMap<>(Api.card(number));
    body.put("client_secret", intent.clientSecret());
    return Api.buyer()
        .header("X-Client-Address", clientAddress)
        .body(body)
        .post("/v1/payments/intent/" + intent.id() + "/confirm");
  }
}
