package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.EventSchemas;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every state change reaches the real Kafka topic as a CloudEvent keyed by the intent (or session)
 * with the tenant in its headers, and its data is valid against the published schema in
 * docs/events/checkout/: the charge fields, the card as brand/last4/expiry/country/fingerprint
 * only.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckoutEventsTest {
  private static final String TOPIC = "test.checkout.events";
  private static final ObjectMapper JSON = new ObjectMapper();
  private TopicReader topic;

  @BeforeAll
  void readTheTopic() {
    topic = new TopicReader(TOPIC);
  }

  @AfterAll
  void close() {
    topic.close();
  }

  @Test
  void aSessionPaidAfterADeclineAndAChallengeTellsTheWholeStory() {
    String merchant = Api.newMerchant();
    String requestId = "req-" + UUID.randomUUID().toString().replace("-", "-x");
    String session =
        Api.as(merchant, "test")
            .header("X-Request-Id", requestId)
            .body(Api.sessionBody("99.99", "USD"))
            .post("/v1/payments/session")
            .then()
            .statusCode(201)
            .extract()
            .path("session_id");
    JsonNode created = event(session, "checkout.session.created", merchant, false);
    assertThat(
            TopicReader.header(
                record(session, "checkout.session.created"), CloudEventHeaders.REQUEST_ID))
        .isEqualTo(requestId);
    assertThat(created.get("amount").asLong()).isEqualTo(9999);
    assertThat(created.get("currency").asText()).isEqualTo("USD");
    assertThat(created.get("mode").asText()).isEqualTo("payment");
    assertThat(created.get("items").get(0).asText()).isEqualTo("Premium Plan");

    Api.Intent intent = Api.intent(session);
    JsonNode pending = event(intent.id(), "payment_intent.created", merchant, false);
    String paymentId = pending.get("payment_id").asText();
    assertThat(pending.get("purpose").asText()).isEqualTo("session");
    assertThat(pending.get("reference").asText()).isEqualTo(session);
    assertThat(pending.get("session_id").asText()).isEqualTo(session);
    assertThat(pending.get("card").isNull()).isTrue();
    assertThat(pending.get("status").asText()).isEqualTo("requires_payment_method");

    Api.confirm(intent, "4000000000009995").then().statusCode(402);
    JsonNode failed = event(intent.id(), "payment_intent.payment_failed", merchant, false);
    assertThat(failed.get("decline_reason").asText()).isEqualTo("insufficient_funds");
    assertThat(failed.get("attempts").asInt()).isEqualTo(1);
    assertThat(failed.get("customer_email").asText()).isEqualTo("ada@example.com");
    assertThat(failed.get("card").get("last4").asText()).isEqualTo("9995");
    assertThat(failed.get("card").get("fingerprint").asText()).hasSize(64);

    Response challenge = Api.confirm(intent, "4000002760003184");
    JsonNode action = event(intent.id(), "payment_intent.requires_action", merchant, false);
    assertThat(action.get("next_action_url").asText())
        .isEqualTo("http://localhost:18081/checkout/3ds/" + intent.id())
        .doesNotContain(Api.challengeToken(challenge));

    Api.answerChallenge(intent.id(), Api.challengeToken(challenge), true).then().statusCode(303);
    JsonNode succeeded = event(intent.id(), "payment_intent.succeeded", merchant, false);
    assertThat(succeeded.get("payment_id").asText()).isEqualTo(paymentId);
    assertThat(succeeded.get("amount").asLong()).isEqualTo(9999);
    assertThat(succeeded.get("card").get("brand").asText()).isEqualTo("visa");
    assertThat(succeeded.get("card").get("last4").asText()).isEqualTo("3184");
    assertThat(succeeded.get("card").get("country").asText()).isEqualTo("US");
    assertThat(succeeded.get("payment_method_id").isNull()).isTrue();
    assertThat(succeeded.get("off_session").asBoolean()).isFalse();
    assertThat(fieldNames(succeeded.get("card")))
        .containsExactlyInAnyOrder(
            "brand", "last4", "exp_month", "exp_year", "country", "fingerprint");

    JsonNode completed = event(session, "checkout.session.completed", merchant, false);
    assertThat(completed.get("payment_intent_id").asText()).isEqualTo(intent.id());
    assertThat(completed.get("payment_id").asText()).isEqualTo(paymentId);
  }

  @Test
  void aSubscriptionSessionAsksBillingForTheSubscriptionOnceAndSavesTheCard() {
    String merchant = Api.newMerchant();
    String session = Api.subscriptionSession(merchant);
    Api.Intent intent = Api.subscriptionIntent(session);
    Api.subscriptionIntent(session);
    JsonNode requested = event(session, "checkout.subscription_requested", merchant, false);
    assertThat(requested.get("payment_intent_id").asText()).isEqualTo(intent.id());
    assertThat(requested.get("plan_id").asText()).startsWith("plan_");
    assertThat(requested.get("customer_id").asText()).startsWith("cus_");
    assertThat(requested.get("amount").asLong()).isEqualTo(1900);

    Api.confirm(intent, "4242424242424242").then().statusCode(200);
    JsonNode succeeded = event(intent.id(), "payment_intent.succeeded", merchant, false);
    assertThat(succeeded.get("payment_method_id").asText()).startsWith("pm_");
    assertThat(succeeded.get("customer_id").asText())
        .isEqualTo(requested.get("customer_id").asText());
    assertThat(
            topic.drain(Duration.ofMillis(500)).stream()
                .filter(r -> session.equals(r.key()))
                .filter(r -> "checkout.subscription_requested".equals(type(r)))
                .count())
        .as("one subscription request however often the buyer's page asks")
        .isOne();
  }

  @Test
  void anExpiredSessionAndItsCanceledIntentAreAnnounced() {
    String merchant = Api.newMerchant();
    String session = Api.session(merchant);
    Api.Intent intent = Api.intent(session);
    Db.update(
        "update checkout_session set expires_at = now() - interval '1 second' where id = ?",
        session);
    JsonNode expired = event(session, "checkout.session.expired", merchant, false);
    assertThat(expired.get("session_id").asText()).isEqualTo(session);
    JsonNode canceled = event(intent.id(), "payment_intent.canceled", merchant, false);
    assertThat(canceled.get("cancellation_reason").asText()).isEqualTo("session_expired");
  }

  @Test
  void tooManyFailuresCancelTheIntentAfterTheLastFailure() {
    String merchant = Api.newMerchant();
    String session = Api.session(merchant, "live", "12.00", "EUR");
    Api.Intent intent = Api.intent(session);
    for (int i = 0; i < 5; i++) {
      Api.confirm(intent, "4242424242424242").then().statusCode(402);
    }
    JsonNode canceled = event(intent.id(), "payment_intent.canceled", merchant, true);
    assertThat(canceled.get("cancellation_reason").asText()).isEqualTo("too_many_failed_attempts");
    List<ConsumerRecord<String, String>> mine =
        topic.drain(Duration.ofMillis(500)).stream()
            .filter(r -> intent.id().equals(r.key()))
            .toList();
    List<String> types = mine.stream().map(CheckoutEventsTest::type).toList();
    assertThat(types)
        .containsExactly(
            "payment_intent.created",
            "payment_intent.payment_failed",
            "payment_intent.payment_failed",
            "payment_intent.payment_failed",
            "payment_intent.payment_failed",
            "payment_intent.payment_failed",
            "payment_intent.canceled");
    JsonNode last = read(mine.get(5).value());
    assertThat(last.get("decline_reason").asText()).isEqualTo("live_mode_unavailable");
    assertThat(last.get("attempts").asInt()).isEqualTo(5);
    assertThat(violations("payment_intent.payment_failed", last)).isEmpty();
    event(session, "checkout.session.expired", merchant, true);
  }

  /** Awaits the event, checks its envelope and its schema, and answers its data. */
  private JsonNode event(String key, String type, String merchant, boolean live) {
    ConsumerRecord<String, String> r = record(key, type);
    assertThat(TopicReader.header(r, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(TopicReader.header(r, CloudEventHeaders.ID)).startsWith("evt_");
    assertThat(TopicReader.header(r, CloudEventHeaders.SOURCE)).isEqualTo("/checkout-service");
    assertThat(TopicReader.header(r, CloudEventHeaders.SUBJECT)).isEqualTo(key);
    assertThat(TopicReader.header(r, CloudEventHeaders.MERCHANT_ID)).isEqualTo(merchant);
    assertThat(TopicReader.header(r, CloudEventHeaders.LIVEMODE)).isEqualTo(String.valueOf(live));
    JsonNode data = read(r.value());
    assertThat(violations(type, data)).as(type + " " + data).isEmpty();
    return data;
  }

  private ConsumerRecord<String, String> record(String key, String type) {
    return topic.await(r -> key.equals(r.key()) && type.equals(type(r)), Duration.ofSeconds(30));
  }

  private static java.util.Set<String> violations(String type, JsonNode data) {
    return EventSchemas.violations("checkout", type, data);
  }

  private static String type(ConsumerRecord<String, String> r) {
    return TopicReader.header(r, CloudEventHeaders.TYPE);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  static JsonNode read(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new AssertionError("event data is not JSON: " + value, e);
    }
  }
}
