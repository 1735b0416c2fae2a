package dev.payplatform.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Renewals in real time, without a test clock: the scheduled sweep finds a subscription whose
 * period has ended and bills the next one. The month is made to have passed by moving the
 * subscription's dates one interval back in the database.
 */
@QuarkusTest
class RenewalSweepTest {

  @Test
  void theSweepRenewsASubscriptionWhosePeriodEnded() {
    Subscriptions.Active sub = Subscriptions.active("pm_card_visa");
    Instant start = Instant.parse(sub.state().getString("current_period_start"));
    Instant monthAgo = start.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
    try (BillingTopic topic = new BillingTopic()) {
      int moved =
          Db.update(
              "update subscription set billing_cycle_anchor = ?::timestamptz,"
                  + " current_period_start = ?::timestamptz, current_period_end = ?::timestamptz,"
                  + " next_action_at = ?::timestamptz where id = ?",
              monthAgo.toString(),
              monthAgo.toString(),
              start.toString(),
              start.toString(),
              sub.id());
      assertThat(moved).isEqualTo(1);
      JsonPath renewing =
          Subscriptions.awaitState(
              sub.merchantId(),
              sub.id(),
              s -> "subscription_cycle".equals(s.getString("latest_invoice.billing_reason")));
      String renewal = renewing.getString("latest_invoice.id");
      assertThat(renewing.getString("latest_invoice.period_start")).isEqualTo(start.toString());
      assertThat(renewing.getLong("test_clock.advanced_seconds")).isZero();
      JsonNode charge = topic.await("invoice.charge_requested", renewal);
      assertThat(charge.path("payment_method_id").asText()).isEqualTo("pm_card_visa");
      assertThat(
              Db.count(
                  "select count(*) from invoice where subscription_id = ? and billing_reason ="
                      + " 'subscription_cycle'",
                  sub.id()))
          .as("one renewal per period, however many sweeps ran")
          .isEqualTo(1);
    }
  }
}
