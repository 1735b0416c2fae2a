package dev.payplatform.payments.rest;

import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.PayoutSettings;
import java.time.Instant;

/** {@code /v1/payout_settings}: the schedule, the bank account (last 4 only) and the test clock. */
public record PayoutSettingsResponse(
    String object,
    boolean livemode,
    Schedule schedule,
    BankAccount externalAccount,
    String payoutsHeldUntil,
    TestClock testClock) {

  public record Schedule(
      String interval,
      int delayDays,
      String weeklyAnchor,
      Integer monthlyAnchor,
      String nextRunAt) {}

  public record BankAccount(
      String object,
      String id,
      String country,
      String accountHolderName,
      String last4,
      String routingNumber,
      String createdAt) {}

  public record TestClock(String now, long advancedSeconds) {}

  public static PayoutSettingsResponse of(PayoutSettings s, Instant realNow) {
    Instant clockNow = s.clock(realNow);
    return new PayoutSettingsResponse(
        "payout_settings",
        s.livemode,
        new Schedule(
            s.scheduleInterval, s.delayDays, s.weeklyAnchor, s.monthlyAnchor, utc(s.nextRunAt)),
        s.hasBankAccount()
            ? new BankAccount(
                "bank_account",
                s.bankAccountId,
                s.bankCountry,
                s.bankHolderName,
                s.bankLast4,
                s.bankRoutingNumber,
                utc(s.bankAccountCreatedAt))
            : null,
        s.held(clockNow) ? utc(s.payoutsHeldUntil) : null,
        s.livemode ? null : new TestClock(utc(clockNow), s.clockOffsetSeconds));
  }

  private static String utc(Instant t) {
    return t == null ? null : Timestamps.format(t);
  }
}
