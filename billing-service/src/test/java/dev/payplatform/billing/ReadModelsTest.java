package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.testing.TestEvents;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * billing's read models of other services' objects: tolerant of duplicates, stale and malformed
 * events, and how far behind the topic they run under a burst.
 */
@QuarkusTest
class ReadModelsTest {
  private static final Logger LOG = Logger.getLogger(ReadModelsTest.class);

  private static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.bootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(p);
  }

  private static ProducerRecord<String, String> event(
      String topic, String type, String key, String merchant, String eventId, String json) {
    ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, json);
    header(r, CloudEventHeaders.SPEC_VERSION, "1.0");
    header(r, CloudEventHeaders.ID, eventId);
    header(r, CloudEventHeaders.TYPE, type);
    header(r, CloudEventHeaders.SOURCE, "/payments-service");
    header(r, CloudEventHeaders.SUBJECT, key);
    header(r, CloudEventHeaders.TIME, Instant.now().toString());
    header(r, CloudEventHeaders.MERCHANT_ID, merchant);
    header(r, CloudEventHeaders.LIVEMODE, "false");
    return r;
  }

  private static void header(ProducerRecord<String, String> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String paymentJson(String id, long amount, String status) {
    return Upstream.json(
        Map.of(
            "id", id, "amount", amount, "currency", "USD", "status", status, "purpose", "payment"));
  }

  @Test
  void staleAndRepeatedEventsNeverMoveAPaymentBackwards() {
    String m = Api.newMerchant();
    String payment = Upstream.completedPayment(m, false, 10_000);
    // One key, so consumed in this order: a partial refund, then stale copies of older states.
    Upstream.payment(m, false, "payment.refunded", payment, 10_000, "partially_refunded", 500L);
    Upstream.payment(m, false, "payment.created", payment, 10_000, "pending", null);
    String last =
        Upstream.payment(m, false, "payment.succeeded", payment, 10_000, "completed", null);
    Upstream.awaitRow("select count(*) from inbox_event where event_id = ?", last);
    Map<String, Object> row =
        Db.row("select status, refunded_total from payment_record where id = ?", payment);
    assertThat(row)
        .containsEntry("status", "partially_refunded")
        .containsEntry("refunded_total", 500L);
    assertThat(
            Api.asTest(m)
                .body(Map.of("payment_id", payment))
                .post("/v1/refunds")
                .then()
                .statusCode(200)
                .extract()
                .<Integer>path("amount"))
        .isEqualTo(9500);
  }

  @Test
  void malformedEventsAreDeadLetteredAndTheConsumerKeepsGoing() throws Exception {
    String m = Api.newMerchant();
    String key = Ids.newId("pay");
    String valid = Ids.newId("pay");
    String noAmount = "evt_" + UUID.randomUUID().toString().replace("-", "");
    String goodEvent = "evt_" + UUID.randomUUID().toString().replace("-", "");
    try (KafkaProducer<String, String> producer = producer();
        TopicReader deadLetters = new TopicReader("test.billing-payments.dlq")) {
      // not a CloudEvent at all, a body that is not JSON, a payment without an amount, then a good
      // one
      producer.send(new ProducerRecord<>(Upstream.PAYMENTS, key, "{\"id\":\"x\"}"));
      producer.send(
          event(Upstream.PAYMENTS, "payment.created", key, m, "evt_" + UUID.randomUUID(), "{oops"));
      producer.send(
          event(
              Upstream.PAYMENTS,
              "payment.created",
              key,
              m,
              noAmount,
              Upstream.json(Map.of("id", key, "currency", "USD", "status", "pending"))));
      producer.send(
          event(
              Upstream.PAYMENTS,
              "payment.created",
              key,
              m,
              goodEvent,
              paymentJson(valid, 700, "pending")));
      producer.flush();
      Upstream.awaitRow("select count(*) from payment_record where id = ?", valid);
      assertThat(Db.count("select count(*) from payment_record where id = ?", key)).isZero();
      // Each bad record is dead-lettered at once, with why, and left unclaimed so that an
      // operator's replay after a fix can still apply it.
      List<ConsumerRecord<String, String>> letters =
          deadLetters.drain(Duration.ofSeconds(2)).stream()
              .filter(r -> key.equals(r.key()))
              .toList();
      assertThat(letters).hasSize(3);
      assertThat(letters).extracting(r -> TopicReader.header(r, "dlq_attempts")).containsOnly("1");
      assertThat(letters)
          .filteredOn(r -> noAmount.equals(TopicReader.header(r, "ce_id")))
          .singleElement()
          .satisfies(r -> assertThat(TopicReader.header(r, "dlq_error")).contains("amount"));
      assertThat(Db.count("select count(*) from inbox_event where event_id = ?", noAmount))
          .as("not claimed: a replay can still apply it")
          .isZero();
    }
  }

  @Test
  void theCatalogReadModelKeepsTheTenantOfEachObject() {
    String m = Api.newMerchant();
    String live = Upstream.customer(m, true);
    assertThat(Db.row("select merchant_id, livemode from customer_record where id = ?", live))
        .containsEntry("merchant_id", m)
        .containsEntry("livemode", true);
    String plan = Upstream.plan(m, false, 1234, "week");
    assertThat(
            Db.row(
                "select amount, currency, interval_unit, interval_count from plan_record where id = ?",
                plan))
        .containsEntry("amount", 1234L)
        .containsEntry("currency", "USD")
        .containsEntry("interval_unit", "week")
        .containsEntry("interval_count", 1);
    // A redelivered customer.created (same ce_id) is skipped by the inbox.
    String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
    String cus = Ids.newId("cus");
    String json =
        Upstream.json(
            Map.of("id", cus, "object", "customer", "email", "a@b.co", "livemode", false));
    TestEvents.publishWithId(Upstream.CATALOG, eventId, "customer.created", cus, m, false, json);
    TestEvents.publishWithId(Upstream.CATALOG, eventId, "customer.created", cus, m, false, json);
    Upstream.awaitRow("select count(*) from customer_record where id = ?", cus);
    assertThat(Db.count("select count(*) from inbox_event where event_id = ?", eventId))
        .isEqualTo(1);
  }

  /**
   * A burst of payment events, published as fast as one producer can: every one reaches the read
   * model, and the lag (ce_time to applied) is logged for docs/billing.md.
   */
  @Test
  void aBurstOfPaymentEventsAllReachTheReadModelAndTheLagIsMeasured() {
    String m = Api.newMerchant();
    int n = 2000;
    Instant started = Instant.now();
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < n; i++) {
        String id = Ids.newId("pay");
        producer.send(
            event(
                Upstream.PAYMENTS,
                "payment.succeeded",
                id,
                m,
                "evt_" + UUID.randomUUID().toString().replace("-", ""),
                paymentJson(id, 100 + i, "completed")));
      }
      producer.flush();
    }
    Duration publishing = Duration.between(started, Instant.now());
    await()
        .atMost(Duration.ofMinutes(3))
        .until(() -> Db.count("select count(*) from payment_record where merchant_id = ?", m) == n);
    Map<String, Object> lag =
        Db.row(
            "select percentile_cont(0.5) within group (order by ms) as p50,"
                + " percentile_cont(0.95) within group (order by ms) as p95,"
                + " percentile_cont(0.99) within group (order by ms) as p99, max(ms) as max,"
                + " extract(epoch from max(received_at) - min(event_time)) as span_s"
                + " from (select extract(epoch from received_at - event_time) * 1000 as ms,"
                + " received_at, event_time from payment_record where merchant_id = ?) t",
            m);
    String report =
        String.format(
            "READ-MODEL LAG: %d payment events published in %d ms; lag ms p50=%.0f p95=%.0f"
                + " p99=%.0f max=%.0f; all applied %.1f s after the first was published"
                + " (%.0f events/s)",
            n,
            publishing.toMillis(),
            ((Number) lag.get("p50")).doubleValue(),
            ((Number) lag.get("p95")).doubleValue(),
            ((Number) lag.get("p99")).doubleValue(),
            ((Number) lag.get("max")).doubleValue(),
            ((Number) lag.get("span_s")).doubleValue(),
            n / ((Number) lag.get("span_s")).doubleValue());
    LOG.info(report);
    System.out.println(report);
    assertThat(((Number) lag.get("p50")).doubleValue()).isGreaterThanOrEqualTo(0);
  }
}
