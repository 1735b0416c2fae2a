package dev.payplatform.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.commons.state.Transitions.Move;
import dev.payplatform.commons.state.WireWord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusTransitionsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

  @Test
  void subscriptionsMoveOnlyAlongTheirLifecycle() {
    var t = SubscriptionStatus.TRANSITIONS;
    assertThat(t.successors(SubscriptionStatus.INCOMPLETE))
        .containsExactlyInAnyOrder(
            SubscriptionStatus.ACTIVE,
            SubscriptionStatus.INCOMPLETE_EXPIRED,
            SubscriptionStatus.CANCELED);
    assertThat(t.successors(SubscriptionStatus.TRIALING))
        .containsExactlyInAnyOrder(SubscriptionStatus.ACTIVE, SubscriptionStatus.CANCELED);
    assertThat(t.successors(SubscriptionStatus.ACTIVE))
        .containsExactlyInAnyOrder(SubscriptionStatus.PAST_DUE, SubscriptionStatus.CANCELED);
    assertThat(t.successors(SubscriptionStatus.PAST_DUE))
        .containsExactlyInAnyOrder(SubscriptionStatus.ACTIVE, SubscriptionStatus.CANCELED);
    assertThat(t.isFinal(SubscriptionStatus.CANCELED)).isTrue();
    assertThat(t.isFinal(SubscriptionStatus.INCOMPLETE_EXPIRED)).isTrue();
    assertThat(t.check(SubscriptionStatus.CANCELED, SubscriptionStatus.ACTIVE))
        .isEqualTo(Move.ILLEGAL);
    assertThat(t.check(SubscriptionStatus.TRIALING, SubscriptionStatus.PAST_DUE))
        .isEqualTo(Move.ILLEGAL);
  }

  @Test
  void subscriptionStatusesKeepTheirStoredAndWireWords() {
    assertThat(SubscriptionStatus.WORDS)
        .containsExactlyInAnyOrder(
            "incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled");
    assertThat(new SubscriptionStatus.Column().convertToDatabaseColumn(SubscriptionStatus.PAST_DUE))
        .isEqualTo("past_due");
    assertThat(new SubscriptionStatus.Column().convertToEntityAttribute("incomplete_expired"))
        .isEqualTo(SubscriptionStatus.INCOMPLETE_EXPIRED);
    assertThat(new InvoiceStatus.Column().convertToDatabaseColumn(InvoiceStatus.UNCOLLECTIBLE))
        .isEqualTo("uncollectible");
    assertThat(new RefundStatus.Column().convertToEntityAttribute("succeeded"))
        .isEqualTo(RefundStatus.SUCCEEDED);
    assertThat(
            new PaymentRecordStatus.Column()
                .convertToDatabaseColumn(PaymentRecordStatus.PARTIALLY_REFUNDED))
        .isEqualTo("partially_refunded");
  }

  @Test
  void aSubscriptionIgnoresAnIllegalOrRepeatedMoveAndKeepsItsTimestamp() {
    Subscription s = new Subscription();
    s.id = "sub_1";
    s.status = SubscriptionStatus.CANCELED;
    s.updatedAt = Instant.EPOCH;
    assertThat(s.moveTo(SubscriptionStatus.ACTIVE, NOW)).isFalse();
    assertThat(s.moveTo(SubscriptionStatus.CANCELED, NOW)).isFalse();
    assertThat(s.status).isEqualTo(SubscriptionStatus.CANCELED);
    assertThat(s.updatedAt).isEqualTo(Instant.EPOCH);

    s.status = SubscriptionStatus.ACTIVE;
    assertThat(s.moveTo(SubscriptionStatus.PAST_DUE, NOW)).isTrue();
    assertThat(s.status).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(s.updatedAt).isEqualTo(NOW);
  }

  @Test
  void endingASubscriptionRecordsWhenAndWhyOnceAndKeepsAnEarlierCancellationTime() {
    Instant at = Instant.parse("2026-03-31T00:00:00Z");
    Subscription s = new Subscription();
    s.status = SubscriptionStatus.ACTIVE;
    s.canceledAt = Instant.parse("2026-03-02T00:00:00Z");
    s.nextActionAt = at;
    assertThat(s.end(SubscriptionStatus.CANCELED, "cancel_at_period_end", at, NOW)).isTrue();
    assertThat(s.canceledAt).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(s.endedAt).isEqualTo(at);
    assertThat(s.cancellationReason).isEqualTo("cancel_at_period_end");
    assertThat(s.nextActionAt).isNull();
    assertThat(s.isTerminal()).isTrue();
    assertThat(s.end(SubscriptionStatus.CANCELED, "requested", NOW, NOW)).isFalse();
    assertThat(s.cancellationReason).isEqualTo("cancel_at_period_end");
  }

  @Test
  void anOpenInvoiceClosesOnceAndAClosedOneNeverMovesAgain() {
    assertThat(InvoiceStatus.TRANSITIONS.successors(InvoiceStatus.OPEN))
        .containsExactlyInAnyOrder(
            InvoiceStatus.PAID, InvoiceStatus.VOID, InvoiceStatus.UNCOLLECTIBLE);
    Invoice inv = new Invoice();
    inv.id = "in_1";
    inv.status = InvoiceStatus.OPEN;
    inv.chargePending = true;
    inv.nextPaymentAttempt = NOW;
    assertThat(inv.moveTo(InvoiceStatus.PAID, NOW)).isTrue();
    assertThat(inv.chargePending).isFalse();
    assertThat(inv.nextPaymentAttempt).isNull();
    assertThat(inv.updatedAt).isEqualTo(NOW);
    assertThat(inv.moveTo(InvoiceStatus.VOID, NOW.plusSeconds(1))).isFalse();
    assertThat(inv.status).isEqualTo(InvoiceStatus.PAID);
    assertThat(inv.updatedAt).isEqualTo(NOW);
  }

  @Test
  void aRefundSettlesOnceAndIgnoresDuplicateOrLateOutcomes() {
    assertThat(RefundStatus.TRANSITIONS.isFinal(RefundStatus.SUCCEEDED)).isTrue();
    assertThat(RefundStatus.TRANSITIONS.isFinal(RefundStatus.FAILED)).isTrue();
    Refund r = new Refund();
    r.status = RefundStatus.PENDING;
    assertThat(r.settle(false, null, NOW)).isTrue();
    assertThat(r.status).isEqualTo(RefundStatus.FAILED);
    assertThat(r.failureReason).isEqualTo("processor_declined");
    assertThat(r.updatedAt).isEqualTo(NOW);
    assertThat(r.settle(true, null, NOW.plusSeconds(5))).isFalse();
    assertThat(r.settle(false, "other", NOW.plusSeconds(5))).isFalse();
    assertThat(r.status).isEqualTo(RefundStatus.FAILED);
    assertThat(r.failureReason).isEqualTo("processor_declined");

    Refund ok = new Refund();
    ok.status = RefundStatus.PENDING;
    assertThat(ok.settle(true, "ignored", NOW)).isTrue();
    assertThat(ok.status).isEqualTo(RefundStatus.SUCCEEDED);
    assertThat(ok.failureReason).isNull();
  }

  @Test
  void paymentStatusesMoveExactlyAsTheReadModelsSqlRankAllows() {
    for (PaymentRecordStatus from : PaymentRecordStatus.values()) {
      for (PaymentRecordStatus to : PaymentRecordStatus.values()) {
        Move move = PaymentRecordStatus.TRANSITIONS.check(from, to);
        assertThat(move != Move.ILLEGAL)
            .as("%s -> %s", from.wire(), to.wire())
            .isEqualTo(to.rank >= from.rank);
      }
    }
    assertThat(
            PaymentRecordStatus.TRANSITIONS.check(
                PaymentRecordStatus.REFUNDED, PaymentRecordStatus.COMPLETED))
        .isEqualTo(Move.ILLEGAL);
    assertThat(PaymentRecordStatus.TRANSITIONS.isFinal(PaymentRecordStatus.REFUNDED)).isTrue();
    assertThat(
            PaymentRecordStatus.TRANSITIONS.check(
                PaymentRecordStatus.PARTIALLY_REFUNDED, PaymentRecordStatus.PARTIALLY_REFUNDED))
        .isEqualTo(Move.MOVED);
  }

  @Test
  void paymentEventWordsMapToPublicStatusesAndOnlyCompletedOnesAreRefundable() {
    assertThat(PaymentRecordStatus.fromEvent("succeeded")).isEqualTo(PaymentRecordStatus.COMPLETED);
    assertThat(PaymentRecordStatus.fromEvent("requires_action"))
        .isEqualTo(PaymentRecordStatus.REQUIRES_ACTION);
    assertThat(PaymentRecordStatus.fromEvent("processing")).isNull();
    assertThat(PaymentRecordStatus.fromEvent(null)).isNull();
    assertThat(WireWord.parse(PaymentRecordStatus.class, "refunded"))
        .isEqualTo(PaymentRecordStatus.REFUNDED);
    assertThat(PaymentRecordStatus.REFUNDABLE)
        .containsExactlyInAnyOrder(
            PaymentRecordStatus.COMPLETED, PaymentRecordStatus.PARTIALLY_REFUNDED);
  }
}
