package dev.payplatform.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A charge's outcome is never just logged and dropped: a success that arrives after the payment was
 * canceled at its link's expiry (consumer lag, a dead letter replayed after the grace) is recorded,
 * posted to the ledger and announced with what the merchant's setting does with it; what cannot be
 * applied at all goes to the dead-letter topic with its reason.
 */
@QuarkusTest
class LateOutcomesAreNeverDroppedTest {
  private static final String DLQ = "test.payments-service.checkout-events.dlq";

  /** A hosted payment that payments-service itself canceled: its link expired past the grace. */
  private static String canceledAtExpiry(String merchant) {
    String id = Api.createPayment(merchant, "test", "25.00", "USD");
    Db.update(
        "update payment set checkout_expires_at = now() - interval '1 hour' where id = ?", id);
    Api.awaitStatus(merchant, "test", id, "canceled");
    return id;
  }

  private static JsonNode announced(String paymentId, Instant from) {
    try (TopicReader reader = new TopicReader(Api.PAYMENTS_TOPIC, from)) {
      ConsumerRecord<String, String> r =
          reader.await(
              e ->
                  paymentId.equals(e.key())
                      && "payment.succeeded".equals(TopicReader.header(e, CloudEventHeaders.TYPE)),
              Api.EVENTUALLY);
      return Api.read(r.value());
    }
  }

  @Test
  void aSuccessAfterTheExpiryCancelIsRecordedChargedAndAnnouncedForAnAutomaticRefund() {
    String merchant = Api.newMerchant();
    Instant from = Instant.now();
    String id = canceledAtExpiry(merchant);

    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(id, 2500, "USD"));

    Api.awaitStatus(merchant, "test", id, "completed");
    assertThat(Db.row("select late_success from payment where id = ?", id))
        .containsEntry("late_success", "refund");
    assertThat(Db.count("select count(*) from ledger_entry where idem_key = ?", "charge:" + id))
        .isEqualTo(1);
    JsonNode event = announced(id, from);
    assertThat(event.get("late_success").asText()).isEqualTo("refund");
    assertThat(event.get("status").asText()).isEqualTo("completed");
  }

  @Test
  void aMerchantWhoKeepsLateSuccessesKeepsTheCharge() {
    String merchant = Api.newMerchant();
    Api.publishMerchant(merchant, "USD", "USD", 290, 30, "STORE");
    Db.awaitMerchantProfile(merchant);
    Db.update("update merchant_profile set late_success = 'keep' where merchant_id = ?", merchant);
    Instant from = Instant.now();
    String id = canceledAtExpiry(merchant);

    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(id, 2500, "USD"));

    Api.awaitStatus(merchant, "test", id, "completed");
    assertThat(announced(id, from).get("late_success").asText()).isEqualTo("keep");
  }

  @Test
  void anOrdinarySuccessSaysItIsNotLate() {
    String merchant = Api.newMerchant();
    Instant from = Instant.now();
    String id = Api.createPayment(merchant, "test", "25.00", "USD");
    Api.publishCheckout(
        "payment_intent.succeeded", merchant, false, Api.succeeded(id, 2500, "USD"));
    Api.awaitStatus(merchant, "test", id, "completed");
    assertThat(announced(id, from).get("late_success").isNull()).isTrue();
  }

  @Test
  void outcomesThatCannotBeAppliedAreDeadLetteredWithTheirReason() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "10.00", "USD");
    Instant from = Instant.now();
    String key = "k_" + UUID.randomUUID();
    String otherAmount =
        Api.publishKeyed(
            null, "payment_intent.succeeded", key, merchant, false, Api.succeeded(id, 1, "USD"));
    ObjectNode first = Api.succeeded(id, 1000, "USD");
    Api.publishKeyed(null, "payment_intent.succeeded", key, merchant, false, first);
    Api.awaitStatus(merchant, "test", id, "completed");
    // Another intent charged the same payment: the buyer paid twice.
    String secondCharge =
        Api.publishKeyed(
            null, "payment_intent.succeeded", key, merchant, false, Api.succeeded(id, 1000, "USD"));

    try (TopicReader dlq = new TopicReader(DLQ, from)) {
      ConsumerRecord<String, String> amount =
          dlq.await(
              r -> otherAmount.equals(TopicReader.header(r, CloudEventHeaders.ID)), Api.EVENTUALLY);
      assertThat(TopicReader.header(amount, "dlq_error")).contains("charges 1 USD");
      ConsumerRecord<String, String> second =
          dlq.await(
              r -> secondCharge.equals(TopicReader.header(r, CloudEventHeaders.ID)),
              Api.EVENTUALLY);
      assertThat(TopicReader.header(second, "dlq_error")).contains("already charged");
    }
    assertThat(Db.count("select count(*) from ledger_entry where idem_key = ?", "charge:" + id))
        .isEqualTo(1);
  }
}
