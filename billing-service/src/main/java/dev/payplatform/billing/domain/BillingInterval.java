package dev.payplatform.billing.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A plan's billing interval ({@code day}, {@code week}, {@code month}, {@code year}) times its
 * count. Period boundaries are always computed from the billing cycle anchor, never from the
 * previous boundary, so a subscription anchored on Jan 31 renews on Feb 28 and then Mar 31.
 */
public final class BillingInterval {
  private BillingInterval() {}

  /** {@code anchor} plus {@code periods} whole intervals, in UTC calendar arithmetic. */
  public static Instant add(Instant anchor, String unit, int count, long periods) {
    ZonedDateTime start = anchor.atZone(ZoneOffset.UTC);
    long n = periods * count;
    ZonedDateTime end =
        switch (unit) {
          case "day" -> start.plusDays(n);
          case "week" -> start.plusWeeks(n);
          case "month" -> start.plusMonths(n);
          case "year" -> start.plusYears(n);
          default -> throw new IllegalArgumentException("unknown interval " + unit);
        };
    return end.toInstant();
  }
}
