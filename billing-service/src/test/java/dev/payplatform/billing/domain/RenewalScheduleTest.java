package dev.payplatform.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.time.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RenewalScheduleTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-31T10:00:00.987654321Z"), ZoneOffset.UTC);
  private static final Duration EXPIRY = Duration.ofHours(23);

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static Subscription monthly(String anchor) {
    Subscription s = new Subscription();
    s.id = "sub_1";
    s.intervalUnit = "month";
    s.intervalCount = 1;
    s.billingCycleAnchor = at(anchor);
    return s;
  }

  @Test
  void monthEndAnchorsRenewOnTheLastDayOfShorterMonthsAndReturnToTheAnchorDay() {
    Instant jan31 = at("2026-01-31T10:00:00Z");
    assertThat(BillingInterval.add(jan31, "month", 1, 1)).isEqualTo(at("2026-02-28T10:00:00Z"));
    assertThat(BillingInterval.add(jan31, "month", 1, 2)).isEqualTo(at("2026-03-31T10:00:00Z"));
    assertThat(BillingInterval.add(jan31, "month", 1, 3)).isEqualTo(at("2026-04-30T10:00:00Z"));
    assertThat(BillingInterval.add(at("2028-01-31T00:00:00Z"), "month", 1, 1))
        .isEqualTo(at("2028-02-29T00:00:00Z"));
    assertThat(BillingInterval.add(at("2028-02-29T00:00:00Z"), "year", 1, 1))
        .isEqualTo(at("2029-02-28T00:00:00Z"));
    assertThat(BillingInterval.add(at("2028-02-29T00:00:00Z"), "year", 1, 4))
        .isEqualTo(at("2032-02-29T00:00:00Z"));
  }

  @Test
  void intervalsMultiplyByTheirCountAndUnknownUnitsAreRefused() {
    Instant start = at("2026-01-01T00:00:00Z");
    assertThat(BillingInterval.add(start, "day", 3, 2)).isEqualTo(at("2026-01-07T00:00:00Z"));
    assertThat(BillingInterval.add(start, "week", 2, 1)).isEqualTo(at("2026-01-15T00:00:00Z"));
    assertThat(BillingInterval.add(start, "month", 3, 1)).isEqualTo(at("2026-04-01T00:00:00Z"));
    assertThat(BillingInterval.add(start, "year", 1, 0)).isEqualTo(start);
    assertThatThrownBy(() -> BillingInterval.add(start, "fortnight", 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void periodsAreCountedFromTheAnchorNeverFromThePreviousBoundary() {
    Subscription s = monthly("2026-01-31T10:00:00Z");
    s.enterPeriod(1);
    assertThat(s.periodNumber).isEqualTo(1);
    assertThat(s.currentPeriodStart).isEqualTo(at("2026-01-31T10:00:00Z"));
    assertThat(s.currentPeriodEnd).isEqualTo(at("2026-02-28T10:00:00Z"));
    s.enterPeriod(2);
    assertThat(s.currentPeriodStart).isEqualTo(at("2026-02-28T10:00:00Z"));
    assertThat(s.currentPeriodEnd).isEqualTo(at("2026-03-31T10:00:00Z"));
    assertThat(s.periodBoundary(0)).isEqualTo(s.billingCycleAnchor);
  }

  @Test
  void theSubscriptionClockIsRealTimeInWholeSecondsPlusTheTestClockOffset() {
    Subscription s = new Subscription();
    assertThat(s.clockNow(CLOCK.instant())).isEqualTo(at("2026-01-31T10:00:00Z"));
    s.clockOffsetSeconds = 86_400 * 30L + 5;
    assertThat(s.clockNow(CLOCK.instant())).isEqualTo(at("2026-03-02T10:00:05Z"));
    assertThat(Timestamps.now(CLOCK)).isEqualTo(at("2026-01-31T10:00:00.987654Z"));
  }

  @Test
  void anIncompleteSubscriptionExpiresAfterTheExpiryCountedFromItsCreationSecond() {
    Subscription s = new Subscription();
    s.status = SubscriptionStatus.INCOMPLETE;
    s.createdAt = at("2026-01-31T10:00:00.987654Z");
    assertThat(s.incompleteUntil(EXPIRY)).isEqualTo(at("2026-02-01T09:00:00Z"));
    assertThat(DueStep.of(s, null, at("2026-02-01T08:59:59Z"), EXPIRY)).isEqualTo(DueStep.NONE);
    assertThat(DueStep.of(s, null, at("2026-02-01T09:00:00Z"), EXPIRY))
        .isEqualTo(DueStep.EXPIRE_INCOMPLETE);
    s.scheduleNextAction(null, EXPIRY);
    assertThat(s.nextActionAt).isEqualTo(at("2026-02-01T09:00:00Z"));
  }

  @Test
  void aTrialEndsIntoActiveWhenPaidAheadAndIntoCanceledOtherwise() {
    Subscription s = monthly("2026-02-14T10:00:00Z");
    s.status = SubscriptionStatus.TRIALING;
    s.trialEnd = at("2026-02-14T10:00:00Z");
    Invoice first = invoice(InvoiceStatus.OPEN, Invoice.REASON_CREATE);
    Instant before = at("2026-02-14T09:59:59Z");
    Instant end = s.trialEnd;
    assertThat(DueStep.of(s, first, before, EXPIRY)).isEqualTo(DueStep.NONE);
    assertThat(DueStep.of(s, first, end, EXPIRY)).isEqualTo(DueStep.CANCEL_TRIAL_UNPAID);
    first.status = InvoiceStatus.PAID;
    assertThat(DueStep.of(s, first, end, EXPIRY)).isEqualTo(DueStep.ACTIVATE_AFTER_TRIAL);
    s.cancelAtPeriodEnd = true;
    assertThat(DueStep.of(s, first, end, EXPIRY)).isEqualTo(DueStep.CANCEL_AT_TRIAL_END);
    s.scheduleNextAction(first, EXPIRY);
    assertThat(s.nextActionAt).isEqualTo(end);
  }

  @Test
  void anEndedPeriodRenewsOnceUnlessCancellationWasRequestedForItsEnd() {
    Subscription s = monthly("2026-01-31T10:00:00Z");
    s.status = SubscriptionStatus.ACTIVE;
    s.enterPeriod(1);
    Invoice paidFirst = invoice(InvoiceStatus.PAID, Invoice.REASON_CREATE);
    Instant end = s.currentPeriodEnd;
    assertThat(DueStep.of(s, paidFirst, end.minusSeconds(1), EXPIRY)).isEqualTo(DueStep.NONE);
    assertThat(DueStep.of(s, paidFirst, end, EXPIRY)).isEqualTo(DueStep.START_RENEWAL);
    s.scheduleNextAction(paidFirst, EXPIRY);
    assertThat(s.nextActionAt).isEqualTo(end);

    Invoice renewal = invoice(InvoiceStatus.OPEN, Invoice.REASON_CYCLE);
    assertThat(DueStep.of(s, renewal, end, EXPIRY)).isEqualTo(DueStep.NONE);
    s.scheduleNextAction(renewal, EXPIRY);
    assertThat(s.nextActionAt).isNull();

    s.cancelAtPeriodEnd = true;
    assertThat(DueStep.of(s, renewal, end, EXPIRY)).isEqualTo(DueStep.CANCEL_AT_PERIOD_END);
    s.scheduleNextAction(renewal, EXPIRY);
    assertThat(s.nextActionAt).isEqualTo(end);
  }

  @Test
  void aPastDueRenewalIsRetriedWhenItsNextAttemptIsDueAndNotWhileAChargeIsInFlight() {
    Subscription s = monthly("2026-01-31T10:00:00Z");
    s.status = SubscriptionStatus.PAST_DUE;
    s.enterPeriod(1);
    Invoice renewal = invoice(InvoiceStatus.OPEN, Invoice.REASON_CYCLE);
    renewal.nextPaymentAttempt = at("2026-03-03T10:00:00Z");
    assertThat(DueStep.of(s, renewal, at("2026-03-03T09:59:59Z"), EXPIRY)).isEqualTo(DueStep.NONE);
    assertThat(DueStep.of(s, renewal, at("2026-03-03T10:00:00Z"), EXPIRY))
        .isEqualTo(DueStep.RETRY_CHARGE);
    s.scheduleNextAction(renewal, EXPIRY);
    assertThat(s.nextActionAt).isEqualTo(at("2026-03-03T10:00:00Z"));

    renewal.chargePending = true;
    assertThat(DueStep.of(s, renewal, at("2026-03-04T00:00:00Z"), EXPIRY)).isEqualTo(DueStep.NONE);
    s.scheduleNextAction(renewal, EXPIRY);
    assertThat(s.nextActionAt).isNull();
  }

  @Test
  void nothingIsEverDueForAnEndedSubscription() {
    Subscription s = monthly("2026-01-31T10:00:00Z");
    s.enterPeriod(1);
    s.createdAt = at("2026-01-01T00:00:00Z");
    for (SubscriptionStatus ended :
        new SubscriptionStatus[] {
          SubscriptionStatus.CANCELED, SubscriptionStatus.INCOMPLETE_EXPIRED
        }) {
      s.status = ended;
      assertThat(DueStep.of(s, null, at("2030-01-01T00:00:00Z"), EXPIRY)).isEqualTo(DueStep.NONE);
      s.scheduleNextAction(null, EXPIRY);
      assertThat(s.nextActionAt).isNull();
    }
  }

  private static Invoice invoice(InvoiceStatus status, String reason) {
    Invoice inv = new Invoice();
    inv.id = "in_1";
    inv.status = status;
    inv.billingReason = reason;
    return inv;
  }
}
