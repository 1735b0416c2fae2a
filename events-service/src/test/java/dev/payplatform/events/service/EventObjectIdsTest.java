package dev.payplatform.events.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payplatform.commons.auth.Tenant;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What {@code GET /v1/events?object_id=} finds an event by: a dispute's events by the dispute and
 * its payment, a payout's by the payout (its subject and its {@code id}), not by the bank account
 * or the balance transactions it names.
 */
class EventObjectIdsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAYOUT = "po_AbCdEfGhIjKlMnOpQrStUv";
  private static final String DISPUTE = "dp_AbCdEfGhIjKlMnOpQrStUv";
  private static final String PAYMENT = "pay_AbCdEfGhIjKlMnOpQrStUv";

  @Test
  void aPayoutEventIsFoundByThePayoutsId() {
    ObjectNode data =
        JSON.createObjectNode()
            .put("id", PAYOUT)
            .put("object", "payout")
            .put("amount", 4824)
            .put("currency", "USD")
            .put("status", "failed")
            .put("balance_transaction", "txn_AbCdEfGhIjKlMnOpQrStUv")
            .put("failure_balance_transaction", "txn_BbCdEfGhIjKlMnOpQrStUv")
            .put("destination", "ba_AbCdEfGhIjKlMnOpQrStUv");
    assertThat(EventLog.objectIds(event("payout.failed", PAYOUT, data))).containsExactly(PAYOUT);
    // Without a subject (an older producer), the data's id still finds it.
    assertThat(EventLog.objectIds(event("payout.paid", null, data))).containsExactly(PAYOUT);
  }

  @Test
  void aDisputeEventIsFoundByTheDisputeAndItsPayment() {
    ObjectNode data =
        JSON.createObjectNode()
            .put("id", DISPUTE)
            .put("object", "dispute")
            .put("payment_id", PAYMENT)
            .put("status", "needs_response");
    assertThat(EventLog.objectIds(event("charge.dispute.created", PAYMENT, data)))
        .containsExactlyInAnyOrder(PAYMENT, DISPUTE);
  }

  private static EventLog.NewEvent event(String type, String subject, ObjectNode data) {
    return new EventLog.NewEvent(
        "evt_AbCdEfGhIjKlMnOpQrStUv",
        new Tenant("mer_AbCdEfGhIjKlMnOpQrStUv", false),
        type,
        "payments-service",
        subject,
        null,
        Instant.parse("2026-12-06T00:00:00Z"),
        data);
  }
}
