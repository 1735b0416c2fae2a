package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /v1/payments/intent/{id}/confirm} with every sandbox test card (docs/checkout.md, the
 * sandbox processor), including both ways a 3-D Secure challenge ends, and every rule on the card
 * fields.
 */
@QuarkusTest
class ConfirmTestCardsTest {

  @ParameterizedTest
  @CsvSource({
    "4242424242424242, 123, visa, 4242",
    "4242 4242 4242 4242, 123, visa, 4242",
    "5555555555554444, 123, mastercard, 4444",
    "378282246310005, 1234, amex, 0005"
  })
  void frictionlessCardsSucceedAtOnce(String number, String cvc, String brand, String last4) {
    String session = Api.session(Api.newMerchant());
    Api.Intent intent = Api.intent(session);
    Response r = Api.confirm(intent, Api.card(number, cvc));
    r.then()
        .statusCode(200)
        .body("id", is(intent.id()))
        .body("object", is("payment_intent"))
        .body("status", is("succeeded"))
        .body("amount", is("99.99"))
        .body("currency", is("USD"))
        .body("card.brand", is(brand))
        .body("card.last4", is(last4))
        .body("card.exp_month", is(12))
        .body("next_action", nullValue())
        .body(
            "redirect_url",
            is("https://shop.example.com/success?id_payment=" + r.path("payment_id")));
    assertThat(Db.text("select status from checkout_session where id = ?", session))
        .isEqualTo("complete");
    assertThat(
            Db.text(
                "select card_brand || ' ' || card_last4 || ' ' || card_country from payment_intent where id = ?",
                intent.id()))
        .isEqualTo(brand + " " + last4 + " US");
  }

  @ParameterizedTest
  @CsvSource({
    "4000000000000002, card_declined",
    "4000000000009995, insufficient_funds",
    "4000000000000069, expired_card",
    "4000000000000127, incorrect_cvc",
    "4100000000000019, fraudulent"
  })
  void decliningCardsAre402WithTheirDeclineReason(String number, String reason) {
    String session = Api.session(Api.newMerchant());
    Api.Intent intent = Api.intent(session);
    Api.confirm(intent, number)
        .then()
        .statusCode(402)
        .body("error.code", is(402))
        .body("error.type", is("payment_failed"))
        .body("error.decline_reason", is(reason))
        .body("error.message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
    assertThat(
            Db.text(
                "select status || ' ' || failed_attempts || ' ' || last_decline_reason from payment_intent where id = ?",
                intent.id()))
        .isEqualTo("requires_payment_method 1 " + reason);
    assertThat(
            Db.count(
                "select count(*) from payment_attempt where payment_intent_id = ? and outcome = 'failed' and decline_reason = ?",
                intent.id(),
                reason))
        .isOne();
    assertThat(Db.text("select status from checkout_session where id = ?", session))
        .isEqualTo("open");
  }

  @Test
  void theAlwaysChallengeCardSucceedsWhenTheBuyerCompletesTheChallenge() {
    String session = Api.session(Api.newMerchant());
    Api.Intent intent = Api.intent(session);
    Response challenge = Api.confirm(intent, "4000002760003184");
    challenge
        .then()
        .statusCode(200)
        .body("status", is("requires_action"))
        .body("next_action.type", is("three_d_secure"))
        .body(
            "next_action.url",
            startsWith("http://localhost:18081/checkout/3ds/" + intent.id() + "?challenge="))
        .body("redirect_url", nullValue());
    String token = Api.challengeToken(challenge);

    Response done = Api.answerChallenge(intent.id(), token, true);
    done.then().statusCode(303);
    String paymentId = Db.text("select payment_id from payment_intent where id = ?", intent.id());
    assertThat(done.header("Location"))
        .isEqualTo("https://shop.example.com/success?id_payment=" + paymentId);
    assertThat(Db.text("select status from payment_intent where id = ?", intent.id()))
        .isEqualTo("succeeded");
    assertThat(Db.text("select status from checkout_session where id = ?", session))
        .isEqualTo("complete");

    // The challenge token was spent.
    Api.answerChallenge(intent.id(), token, true).then().statusCode(404);
  }

  @Test
  void aFailedChallengeIsAnAuthenticationFailureTheBuyerCanRetry() {
    String session = Api.session(Api.newMerchant());
    Api.Intent intent = Api.intent(session);
    String token = Api.challengeToken(Api.confirm(intent, "4000002760003184"));

    Response failed = Api.answerChallenge(intent.id(), token, false);
    failed.then().statusCode(303);
    assertThat(failed.header("Location"))
        .isEqualTo("/checkout/session/" + session + "?declined=authentication_failed");
    assertThat(
            Db.text(
                "select status || ' ' || failed_attempts || ' ' || last_decline_reason from payment_intent where id = ?",
                intent.id()))
        .isEqualTo("requires_payment_method 1 authentication_failed");

    Api.confirm(intent, "4242424242424242").then().statusCode(200).body("status", is("succeeded"));
  }

  @Test
  void theOnSessionChallengeCardChallengesAndSucceedsWhenCompleted() {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    Response challenge = Api.confirm(intent, "4000002500003155");
    challenge.then().statusCode(200).body("status", is("requires_action"));
    Api.answerChallenge(intent.id(), Api.challengeToken(challenge), true).then().statusCode(303);
    assertThat(Db.text("select status from payment_intent where id = ?", intent.id()))
        .isEqualTo("succeeded");
  }

  @Test
  void aWrongChallengeTokenProvesNothing() {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    Api.confirm(intent, "4000002760003184").then().body("status", is("requires_action"));
    Api.answerChallenge(intent.id(), "not-the-token", true).then().statusCode(404);
    Api.answerChallenge(intent.id(), intent.clientSecret(), true).then().statusCode(404);
    assertThat(Db.text("select status from payment_intent where id = ?", intent.id()))
        .isEqualTo("requires_action");
  }

  @Test
  void testModeAcceptsOnlyTestCards() {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    Api.confirm(intent, "4111111111111111")
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("card_declined"))
        .body("error.message", containsString("test mode accepts only the sandbox test cards"));
  }

  @Test
  void liveModeWithoutAConnectorIsRefusedNeverRunThroughTheSandbox() {
    String merchant = Api.newMerchant();
    String session = Api.session(merchant, "live", "20.00", "USD");
    Api.Intent intent = Api.intent(session);
    Api.confirm(intent, "4242424242424242")
        .then()
        .statusCode(402)
        .body("error.decline_reason", is("live_mode_unavailable"))
        .body("error.message", containsString("does not exist. No charge was made."));
    assertThat(Db.text("select status from payment_intent where id = ?", intent.id()))
        .isEqualTo("requires_payment_method");
    // This merchant's charges only: the table keeps every earlier run's.
    assertThat(
            Db.count(
                "select count(*) from sandbox_charge where merchant_id = ? and livemode", merchant))
        .isZero();
  }

  @Test
  void invalidCardFieldsAre422NamingEachField() {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    assertField(intent, Map.of("card_number", "4242424242424241"), "card_number");
    assertField(intent, Map.of("card_number", "4242-4242-abcd-4242"), "card_number");
    assertField(intent, Map.of("card_number", "42424242"), "card_number");
    assertField(intent, Map.of("exp_month", 13), "exp_month");
    assertField(intent, Map.of("exp_month", "twelve"), "exp_month");
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    assertField(intent, Map.of("exp_year", now.getYear() - 1), "exp_year");
    if (now.getMonthValue() > 1) {
      assertField(
          intent,
          Map.of("exp_year", now.getYear(), "exp_month", now.getMonthValue() - 1),
          "exp_month");
    }
    assertField(intent, Map.of("cvc", "12"), "cvc");
    assertField(intent, Map.of("cvc", "12a"), "cvc");
    assertField(intent, Map.of("cvc", "1234"), "cvc");
    assertField(intent, Map.of("card_number", "378282246310005", "cvc", "123"), "cvc");
    assertField(intent, Map.of("cardholder_name", " "), "cardholder_name");
    assertField(intent, Map.of("email", "not-an-email"), "email");
    // None of these was an attempt.
    assertThat(Db.count("select failed_attempts from payment_intent where id = ?", intent.id()))
        .isZero();
  }

  @Test
  void anEmptyConfirmationNamesEveryMissingField() {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    Api.buyer()
        .body("{}")
        .post("/v1/payments/intent/" + intent.id() + "/confirm")
        .then()
        .statusCode(422)
        .body("detail", hasSize(6))
        .body(
            "detail.loc",
            containsInAnyOrder(
                List.of("body", "client_secret"),
                List.of("body", "card_number"),
                List.of("body", "exp_month"),
                List.of("body", "exp_year"),
                List.of("body", "cvc"),
                List.of("body", "cardholder_name")));
  }

  @Test
  void aWrongClientSecretOrAnUnknownIntentIs404() {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    Api.confirm(new Api.Intent(intent.id(), intent.id() + "_secret_wrong"), "4242424242424242")
        .then()
        .statusCode(404)
        .body("code", is(404))
        .body("title", is("Payment intent not found"));
    Api.confirm(
            new Api.Intent("pi_AAAAAAAAAAAAAAAAAAAAAA", intent.clientSecret()), "4242424242424242")
        .then()
        .statusCode(404);
    assertThat(Db.text("select status from payment_intent where id = ?", intent.id()))
        .isEqualTo("requires_payment_method");
  }

  @Test
  void aSucceededIntentCannotBeConfirmedAgain() {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    Api.confirm(intent, "4242424242424242").then().statusCode(200);
    Api.confirm(intent, "5555555555554444")
        .then()
        .statusCode(409)
        .body("code", is(409))
        .body("content", is("This payment has already succeeded."));
  }

  @Test
  void theReturnUrlKeepsItsQueryAndFragment() {
    String merchant = Api.newMerchant();
    Map<String, Object> body = Api.sessionBody("5.00", "USD");
    body.put("return_url", "https://shop.example.com/ok?order=7#top");
    String session =
        Api.as(merchant, "test")
            .body(body)
            .post("/v1/payments/session")
            .then()
            .statusCode(201)
            .extract()
            .path("session_id");
    Response r = Api.confirm(Api.intent(session), "4242424242424242");
    r.then()
        .statusCode(200)
        .body(
            "redirect_url",
            is("https://shop.example.com/ok?order=7&id_payment=" + r.path("payment_id") + "#top"));
  }

  private static void assertField(Api.Intent intent, Map<String, Object> override, String field) {
    Map<String, Object> card = new HashMap<>(Api.card("4242424242424242"));
    card.putAll(override);
    Api.confirm(intent, card)
        .then()
        .statusCode(422)
        .body("detail", hasSize(1))
        .body("detail[0].loc", is(List.of("body", field)));
  }
}
