package dev.payplatform.billing.service.subscriptions;

import dev.payplatform.billing.config.BillingConfig;
import dev.payplatform.billing.domain.CancelAtPeriodEndNotAllowed;
import dev.payplatform.billing.domain.SubscriptionAlreadyEnded;
import dev.payplatform.billing.domain.SubscriptionStatus;
import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;

/** POST /v1/subscriptions/{id}/cancel: now, or when the current period ends. */
@ApplicationScoped
public class SubscriptionCancellation {
  private final SubscriptionEndings endings;
  private final BillingConfig config;
  private final InstantSource clock;

  public SubscriptionCancellation(
      SubscriptionEndings endings, BillingConfig config, InstantSource clock) {
    this.endings = endings;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Cancels now (an open invoice is voided) or at the end of the current period. Only a
   * subscription that has not ended can be canceled; at_period_end needs an active or trialing one,
   * and once the period is already over it means now.
   */
  @WithTransaction
  public Uni<SubscriptionWithInvoice> cancel(Tenant tenant, String id, boolean atPeriodEnd) {
    return SubscriptionRows.lockOrNotFound(tenant, id)
        .chain(
            s ->
                SubscriptionRows.latestInvoice(s)
                    .chain(
                        latest -> {
                          if (s.isTerminal()) {
                            throw new SubscriptionAlreadyEnded(s.id, s.status);
                          }
                          Instant now = s.clockNow(clock.instant());
                          Instant periodEnd =
                              s.status == SubscriptionStatus.TRIALING
                                  ? s.trialEnd
                                  : s.currentPeriodEnd;
                          if (atPeriodEnd) {
                            boolean schedulable =
                                s.status == SubscriptionStatus.ACTIVE
                                    || s.status == SubscriptionStatus.TRIALING;
                            if (!schedulable) {
                              throw new CancelAtPeriodEndNotAllowed(s.id, s.status);
                            }
                            if (periodEnd != null && now.isBefore(periodEnd)) {
                              s.cancelAtPeriodEnd = true;
                              s.canceledAt = now;
                              s.updatedAt = Timestamps.now(clock);
                              s.scheduleNextAction(latest, config.incompleteExpiry());
                              return Uni.createFrom().item(new SubscriptionWithInvoice(s, latest));
                            }
                          }
                          return endings
                              .end(s, latest, SubscriptionStatus.CANCELED, "requested", now)
                              .replaceWith(() -> new SubscriptionWithInvoice(s, latest));
                        }));
  }
}
