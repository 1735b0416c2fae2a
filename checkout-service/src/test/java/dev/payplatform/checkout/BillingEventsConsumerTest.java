package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.EventSchemas;
import dev.payplatform.commons.testing.TestEvents;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What billing-service asks of checkout on billing.events, through the real broker: refunds through
 * the processor ({@code refund.created} → {@code refund.succeeded}/{@code refund.failed}) and
 * off-session charges of saved cards ({@code invoice.charge_requested} → {@code
 * payment_intent.succeeded}/{@code payment_failed}). Each event takes effect once.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingEventsConsumerTest {
  private static final String BILLING = "test.billing.events";
  private TopicReader checkout;

  @BeforeAll
  void readTheTopic() {
    checkout = new TopicReader("test.checkout.events");
  }

  @AfterAll
  void close() {
    checkout.close();
  }

  @Test
  void refundsRunThroughTheProcessorAndNeverExceedTheCharge() {
    String merchant = Api.newMerchant();
    String paymentId = paidSession(merchant, "4242424242424242");

    String first = refund(merchant, paymentId, 5000, "USD");
    JsonNode ok = awaitEvent("refund.succeeded", first);
    assertThat(ok.get("payment_id").asText()).isEqualTo(paymentId);
    assertThat(ok.get("amount").asLong()).isEqualTo(5000);
    assertThat(ok.has("failure_reason")).isFalse();

    String rest = refund(merchant, paymentId, 4999, "USD");
    awaitEvent("refund.succeeded", rest);
    String tooMuch = refund(merchant, paymentId, 1, "USD");
    assertThat(awaitEvent("refund.failed", tooMuch).get("failure_reason").asText())
        .isEqualTo("amount_exceeds_refundable");
    assertThat(
            Db.count(
                "select amount_refunded from sandbox_charge where id = (select charge_ref from payment_intent where payment_id = ?)",
                paymentId))
        .isEqualTo(9999);
  }

  @Test
  void aRefundOfAPaymentCheckoutNeverCapturedFails() {
    String merchant = Api.newMerchant();
    String unknown = refund(merchant, Ids.newId("pay"), 100, "USD");
    assertThat(awaitEvent("refund.failed", unknown).get("failure_reason").asText())
        .isEqualTo("payment_not_found");
    // Another merchant's payment is not this merchant's.
    String paymentId = paidSession(Api.newMerchant(), "4242424242424242");
    String foreign = refund(merchant, paymentId, 100, "USD");
    assertThat(awaitEvent("refund.failed", foreign).get("failure_reason").asText())
        .isEqualTo("payment_not_found");
  }

  @Test
  void aRedeliveredRefundTakesEffectOnce() {
    String merchant = Api.newMerchant();
    String paymentId = paidSession(merchant, "5555555555554444");
    String refundId = Ids.newId("re");
    String eventId = "evt_" + java.util.UUID.randomUUID().toString().replace("-", "");
    String data = refundJson(refundId, paymentId, 1000, "USD");
    TestEvents.publishWithId(BILLING, eventId, "refund.created", refundId, merchant, false, data);
    TestEvents.publishWithId(BILLING, eventId, "refund.created", refundId, merchant, false, data);
    // The same refund under a new event id (billing's relay republished it) is not refunded again.
    TestEvents.publish(BILLING, "refund.created", refundId, merchant, false, data);
    String marker = refund(merchant, paymentId, 1, "USD");
    awaitEvent("refund.succeeded", marker);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Db.count("select count(*) from refund where id = ?", marker) == 1);
    assertThat(Db.count("select count(*) from refund where id = ?", refundId)).isOne();
    assertThat(
            Db.count(
                "select amount_refunded from sandbox_charge where id = (select charge_ref from payment_intent where payment_id = ?)",
                paymentId))
        .isEqualTo(1001);
    assertThat(
            checkout.drain(Duration.ofMillis(500)).stream()
                .filter(r -> refundId.equals(r.key()))
                .count())
        .isOne();
  }

  @Test
  void unreadableEventsAreSkippedAndTheNextOneIsHandled() {
    String merchant = Api.newMerchant();
    String paymentId = paidSession(merchant, "4242424242424242");
    TestEvents.publish(BILLING, "refund.created", "re_x", merchant, false, "{not json");
    TestEvents.publish(
        BILLING,
        "refund.created",
        "re_y",
        null,
        false,
        refundJson(Ids.newId("re"), paymentId, 1, "USD"));
    TestEvents.publish(
        BILLING,
        "refund.created",
        "re_z",
        merchant,
        false,
        refundJson(Ids.newId("re"), paymentId, -5, "USD"));
    TestEvents.publish(
        BILLING, "subscription.created", "sub_x", merchant, false, "{\"id\":\"sub_x\"}");
    String good = refund(merchant, paymentId, 250, "USD");
    awaitEvent("refund.succeeded", good);
    assertThat(Db.count("select count(*) from refund where payment_id = ?", paymentId)).isOne();
  }

  @Test
  void aSavedCardIsChargedOffSessionForARenewal() {
    String merchant = Api.newMerchant();
    Saved saved = savedCard(merchant, "4242424242424242");
    String paymentId = chargeRequest(merchant, saved.paymentMethodId(), 1900);
    JsonNode ok = awaitIntentEvent("payment_intent.succeeded", paymentId);
    assertThat(ok.get("purpose").asText()).isEqualTo("invoice");
    assertThat(ok.get("invoice_id").asText()).startsWith("in_");
    assertThat(ok.get("reference").asText()).isEqualTo(ok.get("invoice_id").asText());
    assertThat(ok.get("subscription_id").asText()).startsWith("sub_");
    assertThat(ok.get("off_session").asBoolean()).isTrue();
    assertThat(ok.get("payment_method_id").asText()).isEqualTo(saved.paymentMethodId());
    assertThat(ok.get("amount").asLong()).isEqualTo(1900);
    assertThat(ok.get("card").get("last4").asText()).isEqualTo("4242");
    assertThat(ok.get("card").get("fingerprint").asText()).isEqualTo(saved.fingerprint());
    assertThat(ok.get("return_url").isNull()).isTrue();
  }

  @Test
  void theOnSessionChallengeCardRenewsOffSession() {
    String merchant = Api.newMerchant();
    Saved saved = savedCard(merchant, "4000002500003155");
    String paymentId = chargeRequest(merchant, saved.paymentMethodId(), 1900);
    assertThat(
            awaitIntentEvent("payment_intent.succeeded", paymentId)
                .get("card")
                .get("last4")
                .asText())
        .isEqualTo("3155");
  }

  @Test
  void theAlwaysChallengeCardCannotBeChargedWithoutTheBuyer() {
    String merchant = Api.newMerchant();
    Saved saved = savedCard(merchant, "4000002760003184");
    String paymentId = chargeRequest(merchant, saved.paymentMethodId(), 1900);
    JsonNode failed = awaitIntentEvent("payment_intent.payment_failed", paymentId);
    assertThat(failed.get("decline_reason").asText()).isEqualTo("authentication_failed");
    assertThat(failed.get("attempts").asInt()).isOne();
    assertThat(failed.get("off_session").asBoolean()).isTrue();
  }

  @Test
  void anUnknownOrForeignSavedCardIsDeclinedAndARequestIsChargedOnce() {
    String merchant = Api.newMerchant();
    String unknown = chargeRequest(merchant, Ids.newId("pm"), 500);
    JsonNode failed = awaitIntentEvent("payment_intent.payment_failed", unknown);
    assertThat(failed.get("decline_reason").asText()).isEqualTo("card_declined");
    assertThat(failed.get("card").isNull()).isTrue();

    Saved other = savedCard(Api.newMerchant(), "4242424242424242");
    String foreign = chargeRequest(merchant, other.paymentMethodId(), 500);
    awaitIntentEvent("payment_intent.payment_failed", foreign);

    Saved mine = savedCard(merchant, "4242424242424242");
    String paymentId = Ids.newId("pay");
    String data = chargeJson(paymentId, mine.paymentMethodId(), 700);
    TestEvents.publish(BILLING, "invoice.charge_requested", "in_x", merchant, false, data);
    TestEvents.publish(BILLING, "invoice.charge_requested", "in_x", merchant, false, data);
    awaitIntentEvent("payment_intent.succeeded", paymentId);
    String marker = chargeRequest(merchant, mine.paymentMethodId(), 1);
    awaitIntentEvent("payment_intent.succeeded", marker);
    assertThat(Db.count("select count(*) from payment_intent where payment_id = ?", paymentId))
        .isOne();
    assertThat(
            Db.count(
                "select count(*) from payment_attempt a join payment_intent i on i.id = a.payment_intent_id where i.payment_id = ?",
                paymentId))
        .isOne();
  }

  @Test
  void aLiveRenewalIsChargedUnderTheMerchantsGatewayAccountAndOneReferencePerPayment() {
    String merchant = Api.newMerchant();
    String paymentId = Ids.newId("pay");
    String data =
        chargeJson(paymentId, Ids.newId("pm"), 2500)
            .replace("}", ",\"gateway_account_id\":\"acct_live_renewals\"}");
    TestEvents.publish(BILLING, "invoice.charge_requested", Ids.newId("in"), merchant, true, data);
    // No live connector ships with the platform, so the charge is refused, but under the account.
    JsonNode refused = awaitIntentEvent("payment_intent.payment_failed", paymentId);
    assertThat(refused.get("decline_reason").asText()).isEqualTo("live_mode_unavailable");
    assertThat(
            Db.text(
                "select gateway_account_id || ' ' || processor_reference from payment_intent"
                    + " where payment_id = ?",
                paymentId))
        .as(
            "the account picks the connector; the reference is the payment's, stable across retries")
        .isEqualTo("acct_live_renewals att_" + paymentId.substring("pay_".length()));
  }

  @Test
  void anOffSessionChargeAboveTheMerchantsMaximumIsBlockedLikeAnOnSessionOne() {
    // application.properties: %test.checkout.fraud.max-amount.mer_fraud_limit_test.USD=100.00
    String merchant = "mer_fraud_limit_test";
    Saved saved = savedCard(merchant, "4242424242424242");
    String paymentId = chargeRequest(merchant, saved.paymentMethodId(), 10_001);
    JsonNode blocked = awaitIntentEvent("payment_intent.payment_failed", paymentId);
    assertThat(blocked.get("decline_reason").asText()).isEqualTo("fraudulent");
    assertThat(
            Db.count(
                "select count(*) from sandbox_operation o join payment_intent i"
                    + " on o.reference = i.processor_reference where i.payment_id = ?",
                paymentId))
        .as("the processor was never asked")
        .isZero();
  }

  @Test
  void aRepeatedChargeRequestIsAnsweredWithTheOutcomeAndNeverChargedAgain() {
    String merchant = Api.newMerchant();
    Saved saved = savedCard(merchant, "4242424242424242");
    String paymentId = Ids.newId("pay");
    String data = chargeJson(paymentId, saved.paymentMethodId(), 1200);
    TestEvents.publish(BILLING, "invoice.charge_requested", "in_again", merchant, false, data);
    awaitIntentEvent("payment_intent.succeeded", paymentId);

    // Billing's answer deadline passed (the answer was lost): it asks again for the same payment.
    TestEvents.publish(BILLING, "invoice.charge_requested", "in_again", merchant, false, data);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> intentEvents("payment_intent.succeeded", paymentId) == 2);
    assertThat(
            Db.count(
                "select count(*) from payment_attempt a join payment_intent i"
                    + " on i.id = a.payment_intent_id where i.payment_id = ?",
                paymentId))
        .as("answered again, never charged again")
        .isOne();
  }

  private long intentEvents(String type, String paymentId) {
    return checkout.drain(Duration.ofMillis(300)).stream()
        .filter(r -> type.equals(type(r)) && r.value() != null)
        .filter(
            r ->
                r.value().contains(paymentId)
                    && paymentId.equals(
                        CheckoutEventsTest.read(r.value()).path("payment_id").asText()))
        .count();
  }

  // ---------------------------------------------------------------- helpers

  private record Saved(String paymentMethodId, String fingerprint) {}

  /** A subscription session paid on-session with this card (completing a challenge if asked). */
  private Saved savedCard(String merchant, String number) {
    Api.Intent intent = Api.subscriptionIntent(Api.subscriptionSession(merchant));
    Response r = Api.confirm(intent, number);
    r.then().statusCode(200);
    if ("requires_action".equals(r.path("status"))) {
      Api.answerChallenge(intent.id(), Api.challengeToken(r), true).then().statusCode(303);
    }
    String pm = Db.text("select payment_method_id from payment_intent where id = ?", intent.id());
    assertThat(pm).startsWith("pm_");
    return new Saved(
        pm, Db.text("select card_fingerprint from payment_intent where id = ?", intent.id()));
  }

  private String paidSession(String merchant, String number) {
    Api.Intent intent = Api.intent(Api.session(merchant));
    return Api.confirm(intent, number).then().statusCode(200).extract().path("payment_id");
  }

  private static String refund(String merchant, String paymentId, long amount, String currency) {
    String refundId = Ids.newId("re");
    TestEvents.publish(
        BILLING,
        "refund.created",
        refundId,
        merchant,
        false,
        refundJson(refundId, paymentId, amount, currency));
    return refundId;
  }

  private static String refundJson(
      String refundId, String paymentId, long amount, String currency) {
    return "{\"refund_id\":\"%s\",\"payment_id\":\"%s\",\"amount\":%d,\"currency\":\"%s\",\"reason\":\"requested_by_customer\",\"unknown_field\":1}"
        .formatted(refundId, paymentId, amount, currency);
  }

  private static String chargeRequest(String merchant, String paymentMethodId, long amount) {
    String paymentId = Ids.newId("pay");
    TestEvents.publish(
        BILLING,
        "invoice.charge_requested",
        Ids.newId("in"),
        merchant,
        false,
        chargeJson(paymentId, paymentMethodId, amount));
    return paymentId;
  }

  private static String chargeJson(String paymentId, String paymentMethodId, long amount) {
    return ("{\"invoice_id\":\"%s\",\"subscription_id\":\"%s\",\"customer_id\":\"%s\",\"payment_id\":\"%s\","
            + "\"payment_method_id\":\"%s\",\"amount\":%d,\"currency\":\"USD\",\"description\":\"Renewal\"}")
        .formatted(
            Ids.newId("in"),
            Ids.newId("sub"),
            Ids.newId("cus"),
            paymentId,
            paymentMethodId,
            amount);
  }

  private JsonNode awaitEvent(String type, String key) {
    return validated(
        type,
        checkout.await(r -> key.equals(r.key()) && type.equals(type(r)), Duration.ofSeconds(30)));
  }

  private JsonNode awaitIntentEvent(String type, String paymentId) {
    Predicate<ConsumerRecord<String, String>> match =
        r ->
            type.equals(type(r))
                && r.value() != null
                && r.value().contains(paymentId)
                && paymentId.equals(CheckoutEventsTest.read(r.value()).path("payment_id").asText());
    return validated(type, checkout.await(match, Duration.ofSeconds(30)));
  }

  private static JsonNode validated(String type, ConsumerRecord<String, String> r) {
    JsonNode data = CheckoutEventsTest.read(r.value());
    assertThat(EventSchemas.violations("checkout", type, data)).as(type + " " + data).isEmpty();
    return data;
  }

  private static String type(ConsumerRecord<String, String> r) {
    return TopicReader.header(r, CloudEventHeaders.TYPE);
  }
}
