package dev.payplatform.payments.service.payouts;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.payments.domain.PayoutSettings;
import dev.payplatform.payments.domain.TestClockInLiveMode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The test-mode payout clock (docs/payouts.md): moved forward on request, it runs every scheduled
 * payout that became due before it answers, so a test can run a month of payouts in seconds. What
 * the ledger records from then on becomes available at the moved clock's time.
 */
@ApplicationScoped
public class PayoutTestClock {
  public static final long MAX_SECONDS = Duration.ofDays(3660).toSeconds();

  private final PayoutRuns runs;
  private final InstantSource clock;

  public PayoutTestClock(PayoutRuns runs, InstantSource clock) {
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * @param seconds how far to move, or null
   * @param to the clock's new time, or null (exactly one of the two is given)
   */
  @WithTransaction
  public Uni<PayoutSettings> advance(Tenant tenant, Long seconds, Instant to) {
    if (tenant.livemode()) {
      return Uni.createFrom().failure(new TestClockInLiveMode());
    }
    Instant now = Timestamps.now(clock);
    return PayoutSettingsRows.lock(tenant, now)
        .chain(
            s -> {
              Instant current = s.clock(now);
              // Whole seconds, rounded up: the clock reaches {@code to}.
              long by =
                  seconds != null
                      ? seconds
                      : Duration.between(current, to).plusNanos(999_999_999).toSeconds();
              if (by <= 0 || by > MAX_SECONDS) {
                throw new ValidationFailedException(
                    FieldError.body(
                        seconds != null ? "seconds" : "to",
                        "must move the clock forward, by at most 10 years; it is at " + current));
              }
              s.clockOffsetSeconds += by;
              s.updatedAt = now;
              return runs.runDue(s, now).replaceWith(s);
            });
  }
}
