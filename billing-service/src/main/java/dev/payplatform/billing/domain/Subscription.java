package dev.payplatform.billing.domain;

import dev.payplatform.commons.state.Transitions;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * A customer's subscription to a plan; its statuses and their moves are {@link SubscriptionStatus}.
 * Everything time-related runs on the subscription's clock: real time plus the test clock's offset
 * (test mode only, always zero in live mode).
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {
  private static final Logger LOG = Logger.getLogger(Subscription.class);
  public static final String ID_PREFIX = "sub";

  public static final String ORIGIN_API = "api";
  public static final String ORIGIN_CHECKOUT_SESSION = "checkout_session";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String customerId;
  public String planId;
  public long amount;
  public String currency;
  public String intervalUnit;
  public int intervalCount;
  public String description;
  public SubscriptionStatus status;
  public String origin;
  public String checkoutSessionId;
  public String merchantName;
  public Instant trialStart;
  public Instant trialEnd;
  public Instant billingCycleAnchor;
  public int periodNumber;
  public Instant currentPeriodStart;
  public Instant currentPeriodEnd;
  public boolean cancelAtPeriodEnd;
  public Instant canceledAt;
  public Instant endedAt;
  public String cancellationReason;
  public String defaultPaymentMethod;
  public String latestInvoiceId;
  public long clockOffsetSeconds;
  public Instant nextActionAt;
  public Instant createdAt;
  public Instant updatedAt;

  /**
   * {@code now} (real time) on this subscription's clock, in whole seconds: period boundaries are
   * whole seconds, so advancing a test clock to the {@code current_period_end} the API shows lands
   * exactly on it.
   */
  public Instant clockNow(Instant now) {
    return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(clockOffsetSeconds);
  }

  /** When an unpaid incomplete subscription expires. */
  public Instant incompleteUntil(Duration expiry) {
    return createdAt.truncatedTo(ChronoUnit.SECONDS).plus(expiry);
  }

  public boolean isTerminal() {
    return SubscriptionStatus.TRANSITIONS.isFinal(status);
  }

  /**
   * Moves to {@code next} if the state machine allows it, at {@code now} (real time); any other
   * move (a late or duplicate event) is logged and ignored.
   */
  public boolean moveTo(SubscriptionStatus next, Instant now) {
    if (SubscriptionStatus.TRANSITIONS.check(status, next) != Transitions.Move.MOVED) {
      LOG.infof("subscription %s: ignoring transition %s -> %s", id, status.wire(), next.wire());
      return false;
    }
    status = next;
    updatedAt = now;
    return true;
  }

  /** Starts period {@code n} (1-based) counted from the anchor. */
  public void enterPeriod(int n) {
    periodNumber = n;
    currentPeriodStart = periodBoundary(n - 1);
    currentPeriodEnd = periodBoundary(n);
  }

  /** The end of period {@code n}, equal to the start of period {@code n + 1}. */
  public Instant periodBoundary(int n) {
    return BillingInterval.add(billingCycleAnchor, intervalUnit, intervalCount, n);
  }

  /**
   * Ends the subscription at {@code at} (on its clock; {@code now} is real time); false if it
   * cannot end from here.
   */
  public boolean end(SubscriptionStatus finalStatus, String reason, Instant at, Instant now) {
    if (!moveTo(finalStatus, now)) {
      return false;
    }
    if (canceledAt == null) {
      canceledAt = at;
    }
    endedAt = at;
    cancellationReason = reason;
    nextActionAt = null;
    return true;
  }

  /**
   * When the next scheduled transition is due on this subscription's clock, given its latest
   * invoice; null when nothing is scheduled (terminal, or waiting for a charge's outcome).
   */
  public void scheduleNextAction(Invoice latest, Duration incompleteExpiry) {
    nextActionAt =
        switch (status) {
          case INCOMPLETE -> incompleteUntil(incompleteExpiry);
          case TRIALING -> trialEnd;
          case ACTIVE -> {
            boolean renewalInFlight = latest != null && latest.isRenewal() && latest.isOpen();
            yield renewalInFlight && !cancelAtPeriodEnd ? null : currentPeriodEnd;
          }
          case PAST_DUE ->
              latest == null || latest.chargePending || !latest.isOpen()
                  ? null
                  : latest.nextPaymentAttempt;
          default -> null;
        };
  }
}
