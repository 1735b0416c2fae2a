package dev.payplatform.billing.service.subscriptions;

import dev.payplatform.billing.config.BillingConfig;
import dev.payplatform.billing.domain.TestClockInLiveMode;
import dev.payplatform.billing.service.invoices.Renewals;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A test-mode subscription's own clock, moved forward on request. */
@ApplicationScoped
public class TestClocks {
  private final Renewals renewals;
  private final InstantSource clock;

  private final boolean liveAllowed;

  public TestClocks(Renewals renewals, BillingConfig config, InstantSource clock) {
    this.renewals = renewals;
    this.liveAllowed = config.liveTestClock();
    this.clock = clock;
  }

  /**
   * Moves a test-mode subscription's clock forward and runs whatever became due (renewals, retries,
   * trial end, expiry) before answering.
   *
   * @param seconds how far to move, or null
   * @param to the new clock time, or null (exactly one of the two is given)
   */
  @WithTransaction
  public Uni<SubscriptionWithInvoice> advance(Tenant tenant, String id, Long seconds, Instant to) {
    if (tenant.livemode()) {
      return Uni.createFrom().failure(new TestClockInLiveMode());
    }
    return move(tenant, id, seconds, to);
  }

  /**
   * The operator's advance ({@code billing.live-test-clock}): a live subscription's clock too,
   * where the setting allows it.
   */
  @WithTransaction
  public Uni<SubscriptionWithInvoice> advanceAsOperator(Tenant tenant, String id, long seconds) {
    if (tenant.livemode() && !liveAllowed) {
      return Uni.createFrom().failure(new TestClockInLiveMode());
    }
    return move(tenant, id, seconds, null);
  }

  private Uni<SubscriptionWithInvoice> move(Tenant tenant, String id, Long seconds, Instant to) {
    return SubscriptionRows.lockOrNotFound(tenant, id)
        .chain(
            s -> {
              Instant now = s.clockNow(clock.instant());
              long delta;
              if (seconds != null) {
                delta = seconds;
              } else {
                delta = Duration.between(now, to).getSeconds();
                if (delta <= 0) {
                  throw new ValidationFailedException(
                      FieldError.body(
                          "to",
                          "must be later than the subscription's current clock time "
                              + Timestamps.format(now)));
                }
              }
              s.clockOffsetSeconds += delta;
              s.updatedAt = Timestamps.now(clock);
              return renewals
                  .runDue(s)
                  .chain(() -> SubscriptionRows.latestInvoice(s))
                  .map(latest -> new SubscriptionWithInvoice(s, latest));
            });
  }
}
