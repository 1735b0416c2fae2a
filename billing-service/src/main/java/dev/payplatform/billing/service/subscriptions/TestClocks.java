package dev.payplatform.billing.service.subscriptions;

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

  public TestClocks(Renewals renewals, InstantSource clock) {
    this.renewals = renewals;
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
