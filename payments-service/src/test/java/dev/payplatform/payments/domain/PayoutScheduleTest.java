package dev.payplatform.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PayoutScheduleTest {
  private static final Instant SUNDAY_NOON = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void aDailyScheduleRunsAtEachMidnightAndPaysWhatBecameAvailableDelayDaysBefore() {
    PayoutSchedule daily = new PayoutSchedule(PayoutInterval.DAILY, 2, null, null);
    Instant run = daily.nextRun(SUNDAY_NOON);
    assertThat(run).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    assertThat(daily.nextRun(run)).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
    // The run on Tuesday the 8th pays what became available on Sunday the 6th or before.
    assertThat(daily.cutoff(Instant.parse("2026-12-08T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
  }

  @Test
  void aWeeklyScheduleRunsOnItsAnchorDay() {
    PayoutSchedule weekly = new PayoutSchedule(PayoutInterval.WEEKLY, 1, DayOfWeek.FRIDAY, null);
    assertThat(weekly.nextRun(SUNDAY_NOON)).isEqualTo(Instant.parse("2026-12-11T00:00:00Z"));
    assertThat(weekly.nextRun(Instant.parse("2026-12-11T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-12-18T00:00:00Z"));
  }

  @Test
  void aMonthlyAnchorPastTheMonthsEndRunsOnItsLastDay() {
    PayoutSchedule monthly = new PayoutSchedule(PayoutInterval.MONTHLY, 2, null, 31);
    assertThat(monthly.nextRun(Instant.parse("2027-02-10T08:00:00Z")))
        .isEqualTo(Instant.parse("2027-02-28T00:00:00Z"));
    assertThat(monthly.nextRun(Instant.parse("2027-02-28T00:00:00Z")))
        .isEqualTo(Instant.parse("2027-03-31T00:00:00Z"));
    PayoutSchedule fifth = new PayoutSchedule(PayoutInterval.MONTHLY, 2, null, 5);
    assertThat(fifth.nextRun(SUNDAY_NOON)).isEqualTo(Instant.parse("2027-01-05T00:00:00Z"));
  }

  @Test
  void theManualScheduleNeverRuns() {
    assertThat(PayoutSchedule.MANUAL.nextRun(SUNDAY_NOON)).isNull();
    assertThat(PayoutSchedule.MANUAL.automatic()).isFalse();
  }

  @Test
  void weekendsMoveToMonday() {
    assertThat(PayoutSchedule.businessDayFrom(LocalDate.parse("2026-12-05")))
        .isEqualTo(LocalDate.parse("2026-12-07"));
    assertThat(PayoutSchedule.businessDayFrom(LocalDate.parse("2026-12-08")))
        .isEqualTo(LocalDate.parse("2026-12-08"));
  }

  @Test
  void anchorsMustMatchTheInterval() {
    assertThatThrownBy(() -> new PayoutSchedule(PayoutInterval.WEEKLY, 2, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PayoutSchedule(PayoutInterval.DAILY, 0, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
