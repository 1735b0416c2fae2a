package dev.payplatform.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An invoice is paid once: every visit of its page pays the same payment (one intent in checkout,
 * so two tabs cannot both charge), and a second payment that succeeds anyway (a token from before a
 * cancel, a hosted payment racing an off-session retry) is refunded automatically, through the
 * refund path, and listed.
 */
@QuarkusTest
class InvoicePaymentsTest {

  @Test
  void everyVisitPaysTheSamePaymentUntilCheckoutCancelsItsIntent() {
    String m = Api.newMerchant();
    JsonPath created =
        Subscriptions.create(
            m, Upstream.customer(m, false), Upstream.plan(m, false, 4999, "month"));
    String invoice = created.getString("latest_invoice.id");
    String first = CheckoutRedirects.visit(invoice).paymentId();
    assertThat(CheckoutRedirects.visit(invoice).paymentId()).isEqualTo(first);

    // Too many declines: checkout canceled that payment's intent. The next visit starts anew.
    Map<String, Object> canceled =
        Upstream.invoiceCharge(invoice, created.getString("id"), first, null, false);
    canceled.put("cancellation_reason", "too_many_failed_attempts");
    TestEvents.publish(
        "test.checkout.events",
        "payment_intent.canceled",
        (String) canceled.get("payment_intent_id"),
        m,
        false,
        Upstream.json(canceled));
    Upstream.awaitRow(
        "select count(*) from invoice where id = ? and hosted_payment_id is null", invoice);
    assertThat(CheckoutRedirects.visit(invoice).paymentId()).isNotEqualTo(first);
  }

  @Test
  void aSecondPaymentOfAPaidInvoiceIsRefundedAutomaticallyAndListed() {
    Subscriptions.Active sub = Subscriptions.active("pm_card_visa");
    String m = sub.merchantId();
    String invoice = sub.firstInvoiceId();
    String second = Ids.newId("pay");
    try (BillingTopic topic = new BillingTopic()) {
      // A second tab's payment of the same invoice succeeded after the first one paid it.
      Upstream.chargeSucceeded(
          m, Upstream.invoiceCharge(invoice, sub.id(), second, "pm_card_visa", false));
      Upstream.awaitRow(
          "select count(*) from invoice_overpayment where payment_id = ? and resolved_at is null",
          second);
      // payments-service announces it as completed; then it is refunded.
      Upstream.payment(m, false, "payment.created", second, 4999, "pending", null);
      Upstream.payment(m, false, "payment.succeeded", second, 4999, "completed", null);

      Upstream.awaitRow(
          "select count(*) from refund where payment_id = ? and reason = 'duplicate'", second);
      JsonPath listed =
          Api.asTest(m)
              .get("/v1/refunds?payment_id=" + second)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(listed.getList("items")).hasSize(1);
      assertThat(listed.getString("items[0].reason")).isEqualTo("duplicate");
      JsonNode refund = topic.await("refund.created", listed.getString("items[0].id"));
      assertThat(refund.path("payment_id").asText()).isEqualTo(second);
      assertThat(refund.path("amount").asLong()).isEqualTo(4999);
      assertThat(
              Db.count(
                  "select count(*) from invoice_overpayment where payment_id = ?"
                      + " and resolution = 'refund_created'",
                  second))
          .isOne();
    }
    assertThat(Subscriptions.awaitStatus(m, sub.id(), "active").getString("latest_invoice.status"))
        .isEqualTo("paid");
  }

  @Test
  void theInvoicePageWaitsWhileAnAutomaticChargeIsInFlight() {
    Subscriptions.Active sub = Subscriptions.active("pm_card_visa");
    String m = sub.merchantId();
    JsonPath renewing =
        Subscriptions.advanceTo(m, sub.id(), sub.state().getString("current_period_end"));
    String renewal = renewing.getString("latest_invoice.id");
    Upstream.awaitRow("select count(*) from invoice where id = ? and charge_pending", renewal);
    given()
        .redirects()
        .follow(false)
        .get("/link/" + renewal)
        .then()
        .statusCode(409)
        .contentType(org.hamcrest.Matchers.startsWith("text/html"));
  }
}
