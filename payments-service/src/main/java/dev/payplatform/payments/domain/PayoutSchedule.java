package dev.payplatform.payments.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * When automatic payouts run and what each pays (docs/payouts.md). Runs are at 00:00 UTC of the
 * merchant's payout clock: every day ({@code daily}), on the anchor weekday ({@code weekly}) or on
 * the anchor day of the month, the last day in shorter months ({@code monthly}). A run on day D
 * pays what became available before day D − delay_days + 1, so with {@code delay_days} 2 what
 * became available on Monday is paid on Wednesday.
 *
 * @param weeklyAnchor the weekday of a weekly schedule, else null
 * @param monthlyAnchor the day (1–31) of a monthly schedule, else null
 */
public record PayoutSchedule(
    PayoutInterval interval, int delayDays, DayOfWeek weeklyAnchor, Integer monthlyAnchor) {
  public static final int MAX_DELAY_DAYS = 30;
  public static final PayoutSchedule MANUAL =
      new PayoutSchedule(PayoutInterval.MANUAL, 2, null, null);

  public PayoutSchedule {
    if (delayDays < 1 || delayDays > MAX_DELAY_DAYS) {
      throw new IllegalArgumentException("delay_days must be 1 to " + MAX_DELAY_DAYS);
    }
    if ((interval == PayoutInterval.WEEKLY) != (weeklyAnchor != null)) {
      throw new IllegalArgumentException("a weekly schedule, and only it, has a weekly anchor");
    }
    if ((interval == PayoutInterval.MONTHLY) != (monthlyAnchor != null)) {
      throw new IllegalArgumentException("a monthly schedule, and only it, has a monthly anchor");
    }
    if (monthlyAnchor != null && (monthlyAnchor < 1 || monthlyAnchor > 31)) {
      throw new IllegalArgumentException("monthly_anchor must be 1 to 31");
    }
  }

  public boolean automatic() {
    return interval != PayoutInterval.MANUAL;
  }

  /** The first run strictly after {@code after}; null on the manual schedule. */
  public Instant nextRun(Instant after) {
    LocalDate day = LocalDate.ofInstant(after, ZoneOffset.UTC).plusDays(1);
    LocalDate run =
        switch (interval) {
          case MANUAL -> null;
          case DAILY -> day;
          case WEEKLY -> day.with(TemporalAdjusters.nextOrSame(weeklyAnchor));
          case MONTHLY -> monthly(day);
        };
    return run == null ? null : run.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Items that became available before this instant are paid by the run at {@code run}. */
  public Instant cutoff(Instant run) {
    return run.truncatedTo(ChronoUnit.DAYS).minus(delayDays - 1L, ChronoUnit.DAYS);
  }

  /** The first business day (Monday to Friday) on or after {@code day}. */
  public static LocalDate businessDayFrom(LocalDate day) {
    LocalDate d = day;
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The first anchor day on or after {@code from}, clamped to the length of its month. */
  private LocalDate monthly(LocalDate from) {
    LocalDate candidate = from.withDayOfMonth(Math.min(monthlyAnchor, from.lengthOfMonth()));
    if (candidate.isBefore(from)) {
      LocalDate next = from.plusMonths(1).withDayOfMonth(1);
      candidate = next.withDayOfMonth(Math.min(monthlyAnchor, next.lengthOfMonth()));
    }
    return candidate;
  }
}
