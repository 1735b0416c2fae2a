package dev.payplatform.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public buyer page GET /link/{id}: an active link goes straight to checkout's hosted page with
 * a fresh payment per visit; inactive and unknown links get a clear page; paid visits are counted.
 */
@QuarkusTest
class LinkPagesTest {

  private static Map<String, Object> linkCharge(String linkId, String paymentId) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("payment_intent_id", Ids.newId("pi"));
    d.put("payment_id", paymentId);
    d.put("purpose", "link");
    d.put("reference", linkId);
    d.put("payment_link_id", linkId);
    d.put("invoice_id", null);
    d.put("amount", 4999);
    d.put("currency", "USD");
    d.put("off_session", false);
    return d;
  }

  @Test
  void anActiveLinkRedirectsToTheHostedCheckoutWithAFreshSignedPaymentPerVisit() {
    String m = Api.newMerchant();
    String id = PaymentLinksApiTest.create(m, PaymentLinksApiTest.SAMPLE);
    CheckoutRedirects.Redirect first = CheckoutRedirects.visit(id);
    CheckoutClaims claims = first.claims();
    assertThat(claims.purpose()).isEqualTo("link");
    assertThat(claims.reference()).isEqualTo(id);
    assertThat(claims.merchantId()).isEqualTo(m);
    assertThat(claims.livemode()).isFalse();
    assertThat(claims.merchantName()).isEqualTo("Test Store " + m);
    assertThat(claims.amountMinor()).isEqualTo(4999);
    assertThat(claims.currency()).isEqualTo("USD");
    assertThat(claims.description()).isEqualTo("One-time service fee");
    assertThat(claims.items()).containsExactly("One-time service fee");
    assertThat(claims.returnUrl()).isEqualTo("http://127.0.0.1:8080/link/" + id + "/thanks");
    assertThat(claims.customerId()).isNull();
    assertThat(claims.expiresAt()).isAfter(Instant.now().plusSeconds(600));
    CheckoutRedirects.Redirect second = CheckoutRedirects.visit(id);
    assertThat(second.paymentId()).isNotEqualTo(first.paymentId());
  }

  @Test
  void theMerchantsCurrentNameFromMerchantsEventsIsWhatTheBuyerSees() {
    String m = Api.newMerchant();
    String id = PaymentLinksApiTest.create(m, PaymentLinksApiTest.SAMPLE);
    Instant now = Instant.now();
    String current = Upstream.merchant(m, "Acme Books", now);
    String stale = Upstream.merchant(m, "Acme Books (old name)", now.minusSeconds(3600));
    Upstream.awaitRow(
        "select count(*) from merchant_record where id = ? and name = 'Acme Books'", m);
    // Both of this test's events handled (not any two merchant events the inbox holds).
    org.awaitility.Awaitility.await()
        .atMost(Upstream.WAIT)
        .until(
            () ->
                Db.count(
                        "select count(*) from inbox_event where consumer = 'billing-merchants'"
                            + " and event_id in (?, ?)",
                        current,
                        stale)
                    == 2);
    CheckoutClaims claims = CheckoutRedirects.visit(id).claims();
    assertThat(claims.merchantName()).isEqualTo("Acme Books");
    assertThat(claims.gatewayAccountId())
        .as("the merchant's gateway account, so a live connector can charge the visit")
        .isEqualTo("acct_test");
  }

  @Test
  void anInactiveLinkIsA410PageAndAnUnknownOneA404Page() {
    String m = Api.newMerchant();
    String id = PaymentLinksApiTest.create(m, PaymentLinksApiTest.SAMPLE);
    Api.asTest(m).post("/v1/payment-links/" + id + "/deactivate").then().statusCode(200);
    Response gone = given().redirects().follow(false).get("/link/" + id);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.contentType()).startsWith("text/html");
    // The same security headers as checkout's pages (commons' HtmlSecurityHeaders).
    assertThat(gone.header("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(gone.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(gone.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(gone.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(gone.header("Strict-Transport-Security"))
        .as("HSTS only where platform.http.hsts is on (Kubernetes, behind TLS)")
        .isNull();
    assertThat(gone.body().asString())
        .contains("no longer available")
        .contains("deactivated")
        .doesNotContain("{title}")
        .doesNotContain("{message}");
    for (String unknown : List.of(Ids.newId("plink"), Ids.newId("in"), "whatever")) {
      Response missing = given().redirects().follow(false).get("/link/" + unknown);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.contentType()).startsWith("text/html");
      assertThat(missing.body().asString()).contains("Payment page not found");
    }
    Api.asTest(m).post("/v1/payment-links/" + id + "/reactivate").then().statusCode(200);
    CheckoutRedirects.visit(id);
  }

  @Test
  void eachPaidVisitCountsOnceEvenWhenItsEventIsDeliveredAgain() {
    String m = Api.newMerchant();
    String id = PaymentLinksApiTest.create(m, PaymentLinksApiTest.SAMPLE);
    String visit1 = CheckoutRedirects.visit(id).paymentId();
    String visit2 = CheckoutRedirects.visit(id).paymentId();
    // All on one Kafka key so they are consumed in this order: once the second visit's payment
    // is counted, the redelivery and the decline before it were handled too.
    String key = Ids.newId("pi");
    String paid1 = Upstream.json(linkCharge(id, visit1));
    TestEvents.publish(Upstream.CHECKOUT, "payment_intent.succeeded", key, m, false, paid1);
    // checkout's relay publishing the same charge again (a new event id, the same payment)
    TestEvents.publish(Upstream.CHECKOUT, "payment_intent.succeeded", key, m, false, paid1);
    String declined = Upstream.json(linkCharge(id, Ids.newId("pay")));
    TestEvents.publish(Upstream.CHECKOUT, "payment_intent.payment_failed", key, m, false, declined);
    String paid2 = Upstream.json(linkCharge(id, visit2));
    TestEvents.publish(Upstream.CHECKOUT, "payment_intent.succeeded", key, m, false, paid2);
    org.awaitility.Awaitility.await()
        .atMost(Upstream.WAIT)
        .until(
            () ->
                Db.count("select count(*) from payment_link_payment where payment_link_id = ?", id)
                    == 2);
    Api.asTest(m)
        .get("/v1/payment-links/" + id)
        .then()
        .statusCode(200)
        .body("paid_count", org.hamcrest.Matchers.is(2));
    assertThat(
            Db.count(
                "select count(*) from payment_link_payment where payment_link_id = ? and payment_id in (?, ?)",
                id,
                visit1,
                visit2))
        .isEqualTo(2);
  }

  @Test
  void theThanksPageNamesTheMerchantAndThePayment() {
    String m = Api.newMerchant();
    String id = PaymentLinksApiTest.create(m, PaymentLinksApiTest.SAMPLE);
    String payment = Ids.newId("pay");
    given()
        .get("/link/" + id + "/thanks?id_payment=" + payment)
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("Thank you"))
        .body(containsString("Test Store " + m))
        .body(containsString(payment));
    given()
        .get("/link/" + id + "/thanks?id_payment=<script>")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("<script>")));
    given().get("/link/" + Ids.newId("plink") + "/thanks").then().statusCode(404);
  }
}
