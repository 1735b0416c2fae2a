package dev.payplatform.payments;

import static dev.payplatform.payments.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.EventSchemas;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle through the real broker: checkout events published to test.checkout.events move
 * payments, and payments-service's own events appear on test.payments.events.
 */
@QuarkusTest
class PaymentLifecycleTest {

  @Test
  void aHostedPaymentGoesThrough3dsToCompletedAndEmitsPaymentSucceeded() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "49.99", "USD");

    ObjectNode challenge = Api.charge(id, 4999, "USD");
    challenge.put("next_action_url", "http://127.0.0.1:8080/checkout/3ds/pi_x");
    Api.publishCheckout("payment_intent.requires_action", merchant, false, challenge);
    Api.awaitStatus(merchant, "test", id, "requires_action");

    ObjectNode success = Api.succeeded(id, 4999, "USD");
    String intent = success.get("payment_intent_id").asText();
    Api.publishCheckout("payment_intent.succeeded", merchant, false, success);
    JsonPath p = Api.awaitStatus(merchant, "test", id, "completed");
    assertThat(p.getString("card_last4")).isEqualTo("4242");
    assertThat(p.getString("card_brand")).isEqualTo("visa");
    assertThat(p.getString("customer_email")).isEqualTo("buyer@example.com");
    assertThat(p.getString("amount")).isEqualTo("49.99");

    JsonNode event = awaitEvent(id, "payment.succeeded");
    assertThat(EventSchemas.violations("payments", "payment.succeeded", event)).isEmpty();
    assertThat(event.get("status").asText()).isEqualTo("completed");
    assertThat(event.get("amount").asLong()).isEqualTo(4999);
    assertThat(event.get("amount_decimal").asText()).isEqualTo("49.99");
    assertThat(event.get("payment_intent_id").asText()).isEqualTo(intent);
    assertThat(event.get("card_last4").asText()).isEqualTo("4242");
    // Default plan (merchant unknown): 2.9 % of 4999 = 144.971 -> 145, + 30.
    assertThat(event.get("fee").asLong()).isEqualTo(175);
    assertThat(event.get("net").asLong()).isEqualTo(4824);
    assertThat(event.get("net_currency").asText()).isEqualTo("USD");

    Map<String, Object> row =
        Db.row("select card_exp_month, card_exp_year, card_country from payment where id = ?", id);
    assertThat(row)
        .containsEntry("card_exp_month", "12")
        .containsEntry("card_exp_year", "2030")
        .containsEntry("card_country", "US");
  }

  @Test
  void aDeclineFailsThePaymentAndARetryOnTheSamePaymentCompletesIt() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "live", "20.00", "USD");
    ObjectNode declined = Api.failed(id, 2000, "USD", "insufficient_funds");
    ((ObjectNode) declined.get("card")).put("last4", "9995");
    Api.publishCheckout("payment_intent.payment_failed", merchant, true, declined);
    JsonPath failed = Api.awaitStatus(merchant, "live", id, "failed");
    assertThat(failed.getString("card_last4")).isEqualTo("9995");

    JsonNode event = awaitEvent(id, "payment.failed");
    assertThat(EventSchemas.violations("payments", "payment.failed", event)).isEmpty();
    assertThat(event.get("decline_reason").asText()).isEqualTo("insufficient_funds");
    assertThat(event.get("failure_message").asText()).isEqualTo("Card declined.");

    Api.publishCheckout("payment_intent.succeeded", merchant, true, Api.succeeded(id, 2000, "USD"));
    JsonPath done = Api.awaitStatus(merchant, "live", id, "completed");
    assertThat(done.getString("card_last4")).isEqualTo("4242");
    assertThat(done.getBoolean("test")).isFalse();
    assertThat(Db.row("select decline_reason from payment where id = ?", id))
        .containsEntry("decline_reason", null);
    assertThat(
            EventSchemas.violations(
                "payments", "payment.succeeded", awaitEvent(id, "payment.succeeded")))
        .isEmpty();
  }

  @Test
  void aSessionChargeNobodyAnnouncedCreatesACompletedPaymentThatIsListed() {
    String merchant = Api.newMerchant();
    String id = "pay_" + Api.newMerchant().substring(4, 26);
    ObjectNode charge = Api.succeeded(id, 9999, "USD");
    charge.put("purpose", "session");
    charge.put("reference", "sess_1a2b3c4d5e6f7g8h9i0j1k");
    charge.put("session_id", "sess_1a2b3c4d5e6f7g8h9i0j1k");
    charge.put("customer_id", "cus_abc");
    charge.put("description", "Premium subscription");
    charge.putArray("items").removeAll().add("Premium Plan");
    Api.publishCheckout("payment_intent.succeeded", merchant, false, charge);

    JsonPath p = Api.awaitStatus(merchant, "test", id, "completed");
    assertThat(p.getString("amount")).isEqualTo("99.99");
    assertThat(p.getString("description")).isEqualTo("Premium subscription");
    assertThat(p.getList("items")).containsExactly("Premium Plan");
    as(merchant, "test").get("/v1/payments/").then().body("id", contains(id));
    as(merchant, "test")
        .get("/v1/payments/internal")
        .then()
        .body("[0].product", is("sess_1a2b3c4d5e6f7g8h9i0j1k"))
        .body("[0].customer", is("cus_abc"));

    JsonNode created = awaitEvent(id, "payment.created");
    assertThat(EventSchemas.violations("payments", "payment.created", created)).isEmpty();
    assertThat(created.get("purpose").asText()).isEqualTo("session");
    assertThat(created.get("reference").asText()).isEqualTo("sess_1a2b3c4d5e6f7g8h9i0j1k");
    assertThat(
            EventSchemas.violations(
                "payments", "payment.succeeded", awaitEvent(id, "payment.succeeded")))
        .isEmpty();
    // The charge belongs to its merchant and mode only.
    as(merchant, "live").get("/v1/payments/" + id).then().statusCode(404);
  }

  @Test
  void aDeclinedPaymentLinkChargeIsListedAsFailed() {
    String merchant = Api.newMerchant();
    String id = "pay_" + Api.newMerchant().substring(4, 26);
    ObjectNode charge = Api.failed(id, 1500, "EUR", "card_declined");
    charge.put("purpose", "link");
    charge.put("reference", "plink_abcdefghijklmnopqrstuv");
    charge.put("payment_link_id", "plink_abcdefghijklmnopqrstuv");
    Api.publishCheckout("payment_intent.payment_failed", merchant, false, charge);
    JsonPath p = Api.awaitStatus(merchant, "test", id, "failed");
    assertThat(p.getString("currency")).isEqualTo("EUR");
    assertThat(p.getString("amount")).isEqualTo("15.00");
    assertThat(awaitEvent(id, "payment.failed").get("purpose").asText()).isEqualTo("link");
  }

  @Test
  void refundsMoveAPaymentToPartiallyRefundedThenRefunded() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "100.00", "USD");
    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(id, 10000, "USD"));
    Api.awaitStatus(merchant, "test", id, "completed");

    ObjectNode first = Api.refund(id, 2500, "USD");
    Api.publishCheckout("refund.succeeded", merchant, false, first);
    Api.awaitStatus(merchant, "test", id, "partially_refunded");
    JsonNode partial = awaitEvent(id, "payment.refunded");
    assertThat(EventSchemas.violations("payments", "payment.refunded", partial)).isEmpty();
    assertThat(partial.get("status").asText()).isEqualTo("partially_refunded");
    assertThat(partial.get("amount_refunded").asLong()).isEqualTo(2500);
    assertThat(partial.get("refunded_total").asLong()).isEqualTo(2500);
    assertThat(partial.get("fully_refunded").asBoolean()).isFalse();
    assertThat(partial.get("refund_id").asText()).isEqualTo(first.get("refund_id").asText());
    as(merchant, "test")
        .get("/v1/payments/internal")
        .then()
        .body("[0].refund", is(25.0f))
        .body("[0].status", is("partially_refunded"));

    Api.publishCheckout("refund.succeeded", merchant, false, Api.refund(id, 7500, "USD"));
    Api.awaitStatus(merchant, "test", id, "refunded");
    try (TopicReader reader = new TopicReader(Api.PAYMENTS_TOPIC)) {
      ConsumerRecord<String, String> full =
          reader.await(
              r ->
                  id.equals(r.key())
                      && "payment.refunded".equals(TopicReader.header(r, CloudEventHeaders.TYPE))
                      && Api.read(r.value()).get("fully_refunded").asBoolean(),
              Api.EVENTUALLY);
      JsonNode data = Api.read(full.value());
      assertThat(EventSchemas.violations("payments", "payment.refunded", data)).isEmpty();
      assertThat(data.get("refunded_total").asLong()).isEqualTo(10000);
      assertThat(data.get("status").asText()).isEqualTo("refunded");
    }
    assertThat(Db.row("select refunded_total from payment where id = ?", id))
        .containsEntry("refunded_total", 10000L);
  }

  @Test
  void aCanceledIntentCancelsAPendingPayment() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "5.00", "USD");
    ObjectNode canceled = Api.charge(id, 500, "USD");
    canceled.put("cancellation_reason", "too_many_failed_attempts");
    Api.publishCheckout("payment_intent.canceled", merchant, false, canceled);
    Api.awaitStatus(merchant, "test", id, "canceled");
    JsonNode event = awaitEvent(id, "payment.canceled");
    assertThat(EventSchemas.violations("payments", "payment.canceled", event)).isEmpty();
    assertThat(event.get("cancellation_reason").asText()).isEqualTo("too_many_failed_attempts");
    as(merchant, "test")
        .get("/v1/payments/internal?status=canceled")
        .then()
        .body("id", contains(id))
        .body("[0].fee", nullValue())
        .body("[0].net", nullValue());
  }

  @Test
  void aHostedPaymentNobodyOpenedIsCanceledOnceItsCheckoutLinkExpiredAndTheGracePassed()
      throws InterruptedException {
    String merchant = Api.newMerchant();
    String expired = Api.createPayment(merchant, "test", "7.00", "USD");
    String withinGrace = Api.createPayment(merchant, "test", "8.00", "USD");
    Db.update(
        "update payment set checkout_expires_at = now() - interval '1 hour' where id = ?", expired);
    Db.update(
        "update payment set checkout_expires_at = now() - interval '1 minute' where id = ?",
        withinGrace);

    Api.awaitStatus(merchant, "test", expired, "canceled");
    JsonNode event = awaitEvent(expired, "payment.canceled");
    assertThat(EventSchemas.violations("payments", "payment.canceled", event)).isEmpty();
    assertThat(event.get("cancellation_reason").asText()).isEqualTo("expired");
    assertThat(event.get("status").asText()).isEqualTo("canceled");

    Thread.sleep(2_000); // two more sweep ticks
    assertThat(Api.getPayment(merchant, "test", withinGrace).getString("status"))
        .as("a buyer may still be finishing a payment begun just before the expiry")
        .isEqualTo("pending");
  }

  static JsonNode awaitEvent(String paymentId, String type) {
    try (TopicReader reader = new TopicReader(Api.PAYMENTS_TOPIC)) {
      ConsumerRecord<String, String> r =
          reader.await(
              rec ->
                  paymentId.equals(rec.key())
                      && type.equals(TopicReader.header(rec, CloudEventHeaders.TYPE)),
              Api.EVENTUALLY);
      assertThat(TopicReader.header(r, CloudEventHeaders.SUBJECT)).isEqualTo(paymentId);
      assertThat(TopicReader.header(r, CloudEventHeaders.SOURCE)).isEqualTo("/payments-service");
      return Api.read(r.value());
    }
  }
}
