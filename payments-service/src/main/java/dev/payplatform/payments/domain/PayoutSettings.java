package dev.payplatform.payments.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A merchant's payout settings in one mode (docs/payouts.md): the schedule, the bank account (shown
 * by last 4, the account itself sealed) and the payout clock, which a test-mode merchant may move
 * ahead of the real one.
 */
@Entity
@Table(name = "payout_settings")
@IdClass(PayoutSettings.Key.class)
public class PayoutSettings extends PanacheEntityBase {
  public static final String BANK_ACCOUNT_PREFIX = "ba";

  /** The composite key: merchant and mode. */
  public record Key(String merchantId, boolean livemode) implements Serializable {
    public Key() {
      this(null, false);
    }
  }

  @Id public String merchantId;
  @Id public boolean livemode;
  public String scheduleInterval;
  public int delayDays;
  public String weeklyAnchor;
  public Integer monthlyAnchor;
  public Instant nextRunAt;
  public long clockOffsetSeconds;
  public String bankAccountId;
  public String bankCountry;
  public String bankHolderName;
  public String bankLast4;
  public String bankRoutingNumber;
  public String bankAccountSealed;
  public Instant bankAccountCreatedAt;
  public Instant payoutsHeldUntil;
  public Instant createdAt;
  public Instant updatedAt;

  /** New settings: the manual schedule, no bank account, the real clock. */
  public static PayoutSettings fresh(String merchantId, boolean livemode, Instant now) {
    PayoutSettings s = new PayoutSettings();
    s.merchantId = merchantId;
    s.livemode = livemode;
    s.setSchedule(PayoutSchedule.MANUAL, now);
    s.createdAt = now;
    return s;
  }

  public PayoutSchedule schedule() {
    return new PayoutSchedule(
        PayoutInterval.parse(scheduleInterval),
        delayDays,
        weeklyAnchor == null ? null : DayOfWeek.valueOf(weeklyAnchor.toUpperCase(Locale.ROOT)),
        monthlyAnchor);
  }

  /** Sets the schedule; the next run is the schedule's first after {@code clockNow}. */
  public void setSchedule(PayoutSchedule schedule, Instant clockNow) {
    scheduleInterval = schedule.interval().wire();
    delayDays = schedule.delayDays();
    weeklyAnchor =
        schedule.weeklyAnchor() == null
            ? null
            : schedule.weeklyAnchor().name().toLowerCase(Locale.ROOT);
    monthlyAnchor = schedule.monthlyAnchor();
    nextRunAt = schedule.nextRun(clockNow);
    updatedAt = clockNow;
  }

  /** The merchant's payout clock at real time {@code realNow}. */
  public Instant clock(Instant realNow) {
    return realNow.plusSeconds(clockOffsetSeconds);
  }

  public boolean hasBankAccount() {
    return bankAccountId != null;
  }

  /** Whether a changed bank account still holds payouts at payout-clock time {@code at}. */
  public boolean held(Instant at) {
    return payoutsHeldUntil != null && at.isBefore(payoutsHeldUntil);
  }

  public static Duration holdAfterChange() {
    return Duration.ofHours(24);
  }
}
