package dev.payplatform.billing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A customer's subscription to a plan. The state machine (docs/billing.md):
 *
 * <pre>
 * incomplete ──first invoice paid──▶ active ──renewal paid──▶ active
 *     │ 23 h unpaid ▶ incomplete_expired    │ renewal failed ▶ past_due ──retry paid──▶ active
 * trialing ──trial end, paid──▶ active      │                     └─last retry failed─▶ canceled
 *     └─trial end, unpaid──▶ canceled       └─cancel (now / at period end)──▶ canceled
 * </pre>
 *
 * Everything time-related runs on the subscription's clock: real time plus the test clock's offset
 * (test mode only, always zero in live mode).
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {
  private static final Logger LOG = Logger.getLogger(Subscription.class);
  public static final String ID_PREFIX = "sub";

  public static final String INCOMPLETE = "incomplete";
  public static final String INCOMPLETE_EXPIRED = "incomplete_expired";
  public static final String TRIALING = "trialing";
  public static final String ACTIVE = "active";
  public static final String PAST_DUE = "past_due";
  public static final String CANCELED = "canceled";

  public static final Set<String> STATUSES =
      Set.of(INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED);

  private static final Map<String, Set<String>> TRANSITIONS =
      Map.of(
          INCOMPLETE, Set.of(ACTIVE, INCOMPLETE_EXPIRED, CANCELED),
          TRIALING, Set.of(ACTIVE, CANCELED),
          ACTIVE, Set.of(PAST_DUE, CANCELED),
          PAST_DUE, Set.of(ACTIVE, CANCELED),
          INCOMPLETE_EXPIRED, Set.of(),
          CANCELED, Set.of());

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
  public String status;
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
   * Now on this subscription's clock, in whole seconds: period boundaries are whole seconds, so
   * advancing a test clock to the {@code current_period_end} the API shows lands exactly on it.
   */
  public Instant clockNow() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(clockOffsetSeconds);
  }

  /** When an unpaid incomplete subscription expires. */
  public Instant incompleteUntil(Duration expiry) {
    return createdAt.truncatedTo(ChronoUnit.SECONDS).plus(expiry);
  }

  public boolean isTerminal() {
    return CANCELED.equals(status) || INCOMPLETE_EXPIRED.equals(status);
  }

  /**
   * Moves to {@code next} if the state machine allows it; an illegal transition (a late or
   * duplicate event) is logged and ignored.
   */
  public boolean moveTo(String next) {
    if (!TRANSITIONS.getOrDefault(status, Set.of()).contains(next)) {
      LOG.infof("subscription %s: ignoring transition %s -> %s", id, status, next);
      return false;
    }
    status = next;
    updatedAt = Timestamps.now();
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

  /** Ends the subscription at {@code at} (on its clock); false if it cannot end from here. */
  public boolean end(String finalStatus, String reason, Instant at) {
    if (!moveTo(finalStatus)) {
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
            boolean renewalInFlight =
                latest != null && latest.isRenewal() && Invoice.OPEN.equals(latest.status);
            yield renewalInFlight && !cancelAtPeriodEnd ? null : currentPeriodEnd;
          }
          case PAST_DUE ->
              latest == null || latest.chargePending || !Invoice.OPEN.equals(latest.status)
                  ? null
                  : latest.nextPaymentAttempt;
          default -> null;
        };
  }
}
