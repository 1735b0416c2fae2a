package dev.payplatform.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.checkout.CheckoutTokens;
import dev.payplatform.commons.ids.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The hosted pages as HTML: what they show, the states that are a clear page instead of an error,
 * the checkout-token flow, the 3-D Secure page's proof, and the assets served by the service.
 */
@QuarkusTest
class HostedPagesTest {
  @Inject CheckoutTokens tokens;

  @Test
  void theSessionPageShowsWhatIsPaidWithStrictSecurityHeaders() {
    String merchant = Api.newMerchant();
    String session = Api.session(merchant);
    Response page = given().get("/checkout/session/" + session);
    page.then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .header("Content-Security-Policy", containsString("default-src 'self'"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store");
    String html = page.asString();
    assertThat(html)
        .contains("Shop " + merchant.substring(4, 12))
        .contains("Premium subscription")
        .contains("<li>Premium Plan</li>")
        .contains("$99.99")
        .contains("data-intent-url=\"/v1/payments/intent\"")
        .contains("<label for=\"card_number\">Card number</label>")
        .contains("<script src=\"/checkout/assets/checkout.js\"></script>")
        .contains("Test mode");
    // Everything comes from this service: no CDN, no web font, no inline script.
    assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<script>");
  }

  @Test
  void amountsAreFormattedForTheirCurrency() {
    String merchant = Api.newMerchant();
    assertThat(page(Api.session(merchant, "test", "1500", "JPY"))).contains("¥1,500");
    assertThat(page(Api.session(merchant, "test", "1.500", "BHD"))).contains("BHD 1.500");
    assertThat(page(Api.session(merchant, "test", "1234.50", "EUR"))).contains("€1,234.50");
    assertThat(page(Api.session(merchant, "live", "10.00", "USD"))).doesNotContain("Test mode");
  }

  @Test
  void aSubscriptionSessionPageCreatesItsIntentThroughTheSubscriptionEndpoint() {
    assertThat(page(Api.subscriptionSession(Api.newMerchant())))
        .contains("data-intent-url=\"/v1/payments/subscription\"");
  }

  @Test
  void expiredUnknownAndCompleteSessionsAreClearPages() {
    String merchant = Api.newMerchant();
    String expired = Api.session(merchant);
    Db.update(
        "update checkout_session set expires_at = now() - interval '1 minute' where id = ?",
        expired);
    given()
        .get("/checkout/session/" + expired)
        .then()
        .statusCode(410)
        .contentType(startsWith("text/html"))
        .body(containsString("This checkout has expired"))
        .body(not(containsString("Exception")));
    given()
        .get("/checkout/session/sess_AAAAAAAAAAAAAAAAAAAAAA")
        .then()
        .statusCode(404)
        .contentType(startsWith("text/html"))
        .body(containsString("Checkout not found"));

    String paid = Api.session(merchant);
    String paymentId =
        Api.confirm(Api.intent(paid), "4242424242424242")
            .then()
            .statusCode(200)
            .extract()
            .path("payment_id");
    given()
        .get("/checkout/session/" + paid)
        .then()
        .statusCode(200)
        .body(containsString("Payment complete"))
        .body(containsString("https://shop.example.com/success?id_payment=" + paymentId));
  }

  @Test
  void aFailedChallengeBringsTheBuyerBackWithTheReasonAndNothingFromTheUrlIsEchoed() {
    String session = Api.session(Api.newMerchant());
    assertThat(
            given()
                .get("/checkout/session/" + session + "?declined=authentication_failed")
                .asString())
        .contains("Your bank could not verify this payment");
    assertThat(
            given()
                .get("/checkout/session/" + session + "?declined=%3Cscript%3Ealert(1)%3C/script%3E")
                .asString())
        .contains("Your card was declined")
        .doesNotContain("alert(1)");
  }

  @Test
  void aHostedPaymentIsPaidWithItsSignedToken() {
    String merchant = Api.newMerchant();
    CheckoutClaims claims = Tokens.payment(merchant, 4999, "USD");
    String token = tokens.sign(claims);
    String url = "/checkout/pay/" + claims.paymentId() + "?data=" + encode(token);

    String html = given().get(url).then().statusCode(200).extract().asString();
    assertThat(html)
        .contains("Token Shop")
        .contains("Monthly plan")
        .contains("$49.99")
        .contains("data-intent-url=\"/checkout/pay/" + claims.paymentId() + "/intent?data=");

    String intentUrl = "/checkout/pay/" + claims.paymentId() + "/intent?data=" + encode(token);
    Response created = given().post(intentUrl);
    created.then().statusCode(201).body("amount", is("49.99")).body("currency", is("USD"));
    Api.Intent intent =
        new Api.Intent(created.path("payment_intent_id"), created.path("client_secret"));
    given().post(intentUrl).then().statusCode(201).body("payment_intent_id", is(intent.id()));
    assertThat(
            Db.text(
                "select purpose || ' ' || reference || ' ' || payment_id || ' ' || merchant_id from payment_intent where id = ?",
                intent.id()))
        .isEqualTo("payment " + claims.paymentId() + " " + claims.paymentId() + " " + merchant);

    Api.confirm(intent, "4242424242424242")
        .then()
        .statusCode(200)
        .body("payment_id", is(claims.paymentId()))
        .body(
            "redirect_url",
            is("http://127.0.0.1:18099/thank-you?id_payment=" + claims.paymentId()));
    given().get(url).then().statusCode(200).body(containsString("Payment complete"));
    given().post(intentUrl).then().statusCode(409).body("code", is(409));
  }

  @Test
  void linkAndInvoiceTokensPayTheirReference() {
    String merchant = Api.newMerchant();
    String link = Ids.newId("plink");
    CheckoutClaims visit =
        Tokens.claims("link", link, Ids.newId("pay"), merchant, 1000, "USD", Duration.ofHours(1));
    String visitIntent = createTokenIntent(visit);
    assertThat(
            Db.text(
                "select purpose || ' ' || payment_link_id from payment_intent where id = ?",
                visitIntent))
        .isEqualTo("link " + link);

    String invoice = Ids.newId("in");
    CheckoutClaims bill =
        Tokens.claims(
            "invoice", invoice, Ids.newId("pay"), merchant, 1900, "USD", Duration.ofHours(1));
    String invoiceIntent = createTokenIntent(bill);
    assertThat(
            Db.text(
                "select purpose || ' ' || invoice_id || ' ' || save_payment_method from payment_intent where id = ?",
                invoiceIntent))
        .isEqualTo("invoice " + invoice + " true");
  }

  @Test
  void badTokensAreClearPagesAndClearErrors() {
    String merchant = Api.newMerchant();
    CheckoutClaims claims = Tokens.payment(merchant, 100, "USD");
    String token = tokens.sign(claims);
    String tampered =
        token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    given()
        .get("/checkout/pay/" + claims.paymentId() + "?data=" + encode(tampered))
        .then()
        .statusCode(400)
        .contentType(startsWith("text/html"))
        .body(containsString("This checkout link is not valid"));
    given()
        .get("/checkout/pay/" + Ids.newId("pay") + "?data=" + encode(token))
        .then()
        .statusCode(400)
        .body(containsString("not valid"));
    given().get("/checkout/pay/" + claims.paymentId()).then().statusCode(400);

    String oldPayment = Ids.newId("pay");
    CheckoutClaims old =
        Tokens.claims(
            "payment", oldPayment, oldPayment, merchant, 100, "USD", Duration.ofMinutes(-5));
    given()
        .get("/checkout/pay/" + old.paymentId() + "?data=" + encode(tokens.sign(old)))
        .then()
        .statusCode(410)
        .contentType(startsWith("text/html"))
        .body(containsString("This payment link has expired"));
    given()
        .post("/checkout/pay/" + claims.paymentId() + "/intent?data=" + encode(tampered))
        .then()
        .statusCode(400)
        .contentType(startsWith("application/json"))
        .body("code", is(400))
        .body("type", is("danger"));
  }

  @Test
  void theChallengePageNeedsTheBuyersOneTimeProof() {
    Api.Intent intent = Api.intent(Api.session(Api.newMerchant()));
    Response challenge = Api.confirm(intent, "4000002760003184");
    String token = Api.challengeToken(challenge);
    String html =
        given()
            .get("/checkout/3ds/" + intent.id() + "?challenge=" + token)
            .then()
            .statusCode(200)
            .header("X-Frame-Options", "DENY")
            .extract()
            .asString();
    assertThat(html)
        .contains("$99.99")
        .contains("Visa ending in 3184")
        .contains("action=\"/checkout/3ds/" + intent.id() + "/complete\"")
        .contains("action=\"/checkout/3ds/" + intent.id() + "/fail\"");
    given()
        .get("/checkout/3ds/" + intent.id())
        .then()
        .statusCode(404)
        .contentType(startsWith("text/html"))
        .body(containsString("This verification link is not valid"));
    given()
        .get("/checkout/3ds/" + intent.id() + "?challenge=" + intent.clientSecret())
        .then()
        .statusCode(404);
    given().get("/checkout/3ds/pi_nothing?challenge=" + token).then().statusCode(404);
  }

  @Test
  void theScriptAndStylesAreServedByTheService() {
    given()
        .get("/checkout/assets/checkout.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"))
        .body(containsString("function luhn"));
    given()
        .get("/checkout/assets/checkout.css")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/css"));
  }

  private String createTokenIntent(CheckoutClaims claims) {
    return given()
        .post("/checkout/pay/" + claims.paymentId() + "/intent?data=" + encode(tokens.sign(claims)))
        .then()
        .statusCode(201)
        .extract()
        .path("payment_intent_id");
  }

  private static String page(String sessionId) {
    return given()
        .get("/checkout/session/" + sessionId)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void aCheckoutLinksIntentIsChargedUnderTheGatewayAccountItsTokenNames() {
    CheckoutClaims base = Tokens.payment(Api.newMerchant(), 2100, "USD");
    CheckoutClaims claims =
        new CheckoutClaims(
            base.purpose(),
            base.reference(),
            base.paymentId(),
            base.merchantId(),
            base.livemode(),
            base.merchantName(),
            "acct_hosted_1",
            base.amountMinor(),
            base.currency(),
            base.description(),
            base.items(),
            base.returnUrl(),
            base.customerId(),
            base.expiresAt());
    String intentId =
        given()
            .post(
                "/checkout/pay/"
                    + claims.paymentId()
                    + "/intent?data="
                    + encode(tokens.sign(claims)))
            .then()
            .statusCode(201)
            .extract()
            .path("payment_intent_id");
    assertThat(Db.text("select gateway_account_id from payment_intent where id = ?", intentId))
        .isEqualTo("acct_hosted_1");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
