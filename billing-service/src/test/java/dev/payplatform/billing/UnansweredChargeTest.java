package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A renewal's off-session charge that checkout never answers (the request was dead-lettered,
 * checkout was down, the answer was lost) has a deadline: it is requested again under the same
 * payment id, and after the last request the attempt fails into the retry schedule. Before, the
 * subscription waited for the answer for ever.
 */
@QuarkusTest
class UnansweredChargeTest {

  @Test
  void anUnansweredRenewalChargeIsRequestedAgainThenFailedIntoTheRetrySchedule() {
    Subscriptions.Active sub = Subscriptions.active("pm_card_visa");
    String m = sub.merchantId();
    String periodEnd = sub.state().getString("current_period_end");
    try (BillingTopic topic = new BillingTopic()) {
      JsonPath renewing = Subscriptions.advanceTo(m, sub.id(), periodEnd);
      String renewal = renewing.getString("latest_invoice.id");
      String payment = topic.await("invoice.charge_requested", renewal).path("payment_id").asText();

      // Nobody answers: past the deadline, the same payment is requested again (twice more).
      for (int request = 2; request <= 3; request++) {
        pastTheDeadline(renewal);
        int expected = request;
        Upstream.awaitRow(
            "select count(*) from invoice where id = ? and charge_requests = " + expected, renewal);
      }
      java.util.List<String> requested =
          topic.drain(renewal, Duration.ofSeconds(2)).stream()
              .filter(r -> "invoice.charge_requested".equals(type(r)))
              .map(r -> r.value())
              .toList();
      assertThat(requested).hasSize(3);
      assertThat(requested.stream().map(UnansweredChargeTest::paymentId).distinct())
          .as("one payment id for every request: checkout charges it at most once")
          .containsExactly(payment);

      // After the last request: the attempt fails into the retry schedule.
      pastTheDeadline(renewal);
      JsonPath pastDue = Subscriptions.awaitStatus(m, sub.id(), "past_due");
      assertThat(pastDue.getString("latest_invoice.status")).isEqualTo("open");
      assertThat(pastDue.getString("latest_invoice.failure_reason")).isEqualTo("charge_unanswered");
      assertThat(pastDue.getString("latest_invoice.next_payment_attempt"))
          .isEqualTo(Instant.parse(periodEnd).plus(Duration.ofDays(1)).toString());
      topic.await("invoice.payment_failed", renewal);
    }
  }

  private static String type(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r) {
    return dev.payplatform.commons.testing.TopicReader.header(r, "ce_type");
  }

  private static String paymentId(String json) {
    return io.restassured.path.json.JsonPath.from(json).getString("payment_id");
  }

  private static void pastTheDeadline(String invoiceId) {
    Db.update(
        "update invoice set charge_requested_at = now() - interval '1 hour' where id = ?",
        invoiceId);
  }
}
