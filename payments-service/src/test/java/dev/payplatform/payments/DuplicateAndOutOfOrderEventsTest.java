package dev.payplatform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.TestEvents;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Redelivered, repeated, late and foreign events never corrupt a payment. Each test ends with a
 * sentinel event under the same Kafka key (same partition, so handled after the ones before it) and
 * checks, once the sentinel's effect is visible, that the earlier events had none.
 */
@QuarkusTest
class DuplicateAndOutOfOrderEventsTest {

  @Test
  void aRedeliveredOrRepeatedSuccessCompletesAndAnnouncesOnce() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "10.00", "USD");
    ObjectNode success = Api.succeeded(id, 1000, "USD");
    String key = success.get("payment_intent_id").asText();
    String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
    Api.publishKeyed(eventId, "payment_intent.succeeded", key, merchant, false, success);
    Api.publishKeyed(eventId, "payment_intent.succeeded", key, merchant, false, success);
    // The same outcome re-emitted under a new event id (e.g. by a retrying producer).
    Api.publishKeyed(null, "payment_intent.succeeded", key, merchant, false, success);
    Api.publishKeyed(null, "refund.succeeded", key, merchant, false, Api.refund(id, 100, "USD"));

    Api.awaitStatus(merchant, "test", id, "partially_refunded");
    assertThat(eventsOf(id, "payment.refunded")).hasSize(1);
    assertThat(eventsOf(id, "payment.succeeded")).hasSize(1);
    assertThat(Db.count("select count(*) from inbox_event where event_id = ?", eventId))
        .isEqualTo(1);
  }

  @Test
  void aLateDeclineOrChallengeNeverUndoesACompletedPayment() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "10.00", "USD");
    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(id, 1000, "USD"));
    Api.awaitStatus(merchant, "test", id, "completed");

    // An earlier attempt's outcome, arriving late under its own intent's key.
    ObjectNode declined = Api.failed(id, 1000, "USD", "card_declined");
    ((ObjectNode) declined.get("card")).put("last4", "0002");
    String staleKey = declined.get("payment_intent_id").asText();
    Api.publishKeyed(null, "payment_intent.payment_failed", staleKey, merchant, false, declined);
    Api.publishKeyed(
        null,
        "payment_intent.requires_action",
        staleKey,
        merchant,
        false,
        Api.charge(id, 1000, "USD"));
    Api.publishKeyed(
        null, "payment_intent.canceled", staleKey, merchant, false, Api.charge(id, 1000, "USD"));
    Api.publishKeyed(
        null, "refund.succeeded", staleKey, merchant, false, Api.refund(id, 1000, "USD"));

    JsonPath p = Api.awaitStatus(merchant, "test", id, "refunded");
    assertThat(p.getString("card_last4")).isEqualTo("4242");
    assertThat(Db.row("select decline_reason from payment where id = ?", id))
        .containsEntry("decline_reason", null);
    assertThat(eventsOf(id, "payment.failed")).isEmpty();
  }

  @Test
  void aRefundIsCountedOnceAndNeverAboveTheAmount() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "10.00", "USD");
    String key = "re_key_" + UUID.randomUUID();
    Api.publishKeyed(
        null, "payment_intent.succeeded", key, merchant, false, Api.succeeded(id, 1000, "USD"));
    ObjectNode refund = Api.refund(id, 600, "USD");
    Api.publishKeyed(null, "refund.succeeded", key, merchant, false, refund);
    // The same refund under another event id: still one refund.
    Api.publishKeyed(null, "refund.succeeded", key, merchant, false, refund);
    Api.awaitStatus(merchant, "test", id, "partially_refunded");
    // More than what is left: only what is left counts.
    Api.publishKeyed(null, "refund.succeeded", key, merchant, false, Api.refund(id, 900, "USD"));
    Api.awaitStatus(merchant, "test", id, "refunded");
    // Anything after a full refund is ignored.
    Api.publishKeyed(null, "refund.succeeded", key, merchant, false, Api.refund(id, 100, "USD"));
    Api.publishKeyed(null, "refund.succeeded", key, merchant, false, Api.refund(id, 50, "EUR"));
    Api.publishKeyed(
        null, "payment_intent.succeeded", key, merchant, false, Api.succeeded(id, 1000, "USD"));
    String sentinel = Api.createPayment(merchant, "test", "1.00", "USD");
    Api.publishKeyed(
        null,
        "payment_intent.succeeded",
        key,
        merchant,
        false,
        Api.succeeded(sentinel, 100, "USD"));
    Api.awaitStatus(merchant, "test", sentinel, "completed");

    assertThat(Db.row("select refunded_total, status from payment where id = ?", id))
        .containsEntry("refunded_total", 1000L)
        .containsEntry("status", "refunded");
    assertThat(Db.count("select count(*) from payment_refund where payment_id = ?", id))
        .isEqualTo(2);
    List<ConsumerRecord<String, String>> refunds = eventsOf(id, "payment.refunded");
    assertThat(refunds).hasSize(2);
    assertThat(Api.read(refunds.get(1).value()).get("amount_refunded").asLong()).isEqualTo(400);
    assertThat(Api.read(refunds.get(1).value()).get("fully_refunded").asBoolean()).isTrue();
  }

  @Test
  void aRefundBeforeTheChargeIsIgnoredNotApplied() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "10.00", "USD");
    String key = "k_" + UUID.randomUUID();
    Api.publishKeyed(null, "refund.succeeded", key, merchant, false, Api.refund(id, 1000, "USD"));
    Api.publishKeyed(
        null, "payment_intent.succeeded", key, merchant, false, Api.succeeded(id, 1000, "USD"));
    Api.awaitStatus(merchant, "test", id, "completed");
    assertThat(Db.row("select refunded_total from payment where id = ?", id))
        .containsEntry("refunded_total", 0L);
  }

  @Test
  void eventsOfAnotherTenantOrWithAnotherAmountDoNotTouchThePayment() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "10.00", "USD");
    String key = "k_" + UUID.randomUUID();
    Api.publishKeyed(
        null,
        "payment_intent.succeeded",
        key,
        Api.newMerchant(),
        false,
        Api.succeeded(id, 1000, "USD"));
    Api.publishKeyed(
        null, "payment_intent.succeeded", key, merchant, true, Api.succeeded(id, 1000, "USD"));
    Api.publishKeyed(
        null, "payment_intent.succeeded", key, merchant, false, Api.succeeded(id, 1, "USD"));
    Api.publishKeyed(
        null, "payment_intent.succeeded", key, merchant, false, Api.succeeded(id, 1000, "EUR"));
    Api.publishKeyed(
        null,
        "payment_intent.payment_failed",
        key,
        merchant,
        false,
        Api.failed(id, 1000, "USD", "card_declined"));
    Api.awaitStatus(merchant, "test", id, "failed");
    assertThat(eventsOf(id, "payment.succeeded")).isEmpty();
  }

  @Test
  void malformedRecordsAreDeadLetteredAndTheConsumerCarriesOn() throws Exception {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "10.00", "USD");
    String key = "k_" + UUID.randomUUID();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.bootstrap());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      // No CloudEvents headers at all.
      producer.send(new ProducerRecord<>(Api.CHECKOUT_TOPIC, key, "{}")).get(10, TimeUnit.SECONDS);
      // Headers, but a body that is not JSON.
      ProducerRecord<String, String> notJson =
          new ProducerRecord<>(Api.CHECKOUT_TOPIC, key, "not json");
      notJson.headers().add(CloudEventHeaders.ID, "evt_notjson".getBytes(StandardCharsets.UTF_8));
      notJson
          .headers()
          .add(CloudEventHeaders.TYPE, "payment_intent.succeeded".getBytes(StandardCharsets.UTF_8));
      producer.send(notJson).get(10, TimeUnit.SECONDS);
    }
    ObjectNode noPayment = Api.succeeded(id, 1000, "USD");
    noPayment.remove("payment_id");
    Api.publishKeyed(null, "payment_intent.succeeded", key, merchant, false, noPayment);
    ObjectNode badAmount = Api.succeeded(id, 1000, "USD");
    badAmount.put("amount", "ten");
    Api.publishKeyed(null, "payment_intent.succeeded", key, merchant, false, badAmount);
    TestEvents.publish(
        Api.CHECKOUT_TOPIC,
        "payment_intent.succeeded",
        key,
        null,
        false,
        Api.write(Api.succeeded(id, 1000, "USD")));
    Api.publishKeyed(
        null, "checkout.session.created", key, merchant, false, Api.JSON.createObjectNode());

    Api.publishKeyed(
        null, "payment_intent.succeeded", key, merchant, false, Api.succeeded(id, 1000, "USD"));
    Api.awaitStatus(merchant, "test", id, "completed");
    assertThat(eventsOf(id, "payment.succeeded")).hasSize(1);
  }

  /** The payment's events of one type on the topic, in order, once the last one is there. */
  private static List<ConsumerRecord<String, String>> eventsOf(String paymentId, String type) {
    try (TopicReader reader = new TopicReader(Api.PAYMENTS_TOPIC)) {
      // The payment's latest event was written last and is relayed in order: wait for it.
      String latest =
          Db.row("select max(id) as id from outbox_event where aggregate_key = ?", paymentId)
              .get("id")
              .toString();
      String latestEventId =
          Db.row("select event_id from outbox_event where id = ?", Long.parseLong(latest))
              .get("event_id")
              .toString();
      reader.await(
          r -> latestEventId.equals(TopicReader.header(r, CloudEventHeaders.ID)), Api.EVENTUALLY);
      return reader.drain(Duration.ZERO).stream()
          .filter(
              r ->
                  paymentId.equals(r.key())
                      && type.equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
          .toList();
    }
  }
}
