package dev.payplatform.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.checkout.CheckoutTokens;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A checkout link's intent (hosted payment, link visit, invoice) that nobody paid gets a final
 * state when its token expires: canceled with reason {@code expired} and {@code
 * payment_intent.canceled}, so the payment behind it does not stay pending for ever.
 */
@QuarkusTest
class CheckoutLinkExpiryTest {
  @Inject CheckoutTokens tokens;

  @Test
  void anUnpaidCheckoutLinkIntentIsCanceledWhenItsTokenExpires() {
    String intentUrl = newLinkIntentUrl();
    Response created = given().post(intentUrl);
    created.then().statusCode(201);
    Api.Intent intent =
        new Api.Intent(created.path("payment_intent_id"), created.path("client_secret"));
    Api.confirm(intent, "4000000000000002").then().statusCode(402); // one decline: still open

    try (TopicReader topic = new TopicReader("test.checkout.events")) {
      // The token's hour has passed.
      Db.update(
          "update payment_intent set expires_at = now() - interval '1 second' where id = ?",
          intent.id());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  "canceled expired"
                      .equals(
                          Db.text(
                              "select status || ' ' || cancellation_reason from payment_intent"
                                  + " where id = ?",
                              intent.id())));
      topic.await(
          r ->
              intent.id().equals(r.key())
                  && "payment_intent.canceled".equals(TopicReader.header(r, "ce_type")),
          Duration.ofSeconds(10));
    }
    Api.confirm(intent, "4242424242424242")
        .then()
        .statusCode(410)
        .body("content", org.hamcrest.Matchers.containsString("checkout link expired"));
  }

  @Test
  void aLinkIntentWithinItsLifetimeIsLeftOpen() throws InterruptedException {
    String intentUrl = newLinkIntentUrl();
    String intentId =
        given().post(intentUrl).then().statusCode(201).extract().path("payment_intent_id");
    Thread.sleep(2_500); // two sweep ticks
    assertThat(Db.text("select status from payment_intent where id = ?", intentId))
        .isEqualTo("requires_payment_method");
  }

  /** The intent URL of a new hosted payment's checkout link, valid for an hour. */
  private String newLinkIntentUrl() {
    CheckoutClaims claims = Tokens.payment(Api.newMerchant(), 1500, "USD");
    return "/checkout/pay/"
        + claims.paymentId()
        + "/intent?data="
        + URLEncoder.encode(tokens.sign(claims), StandardCharsets.UTF_8);
  }
}
