package dev.payplatform.billing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The one transition a subscription's clock makes due next, decided from time alone so that the
 * renewal schedule is testable without a database. Applying a step may make another one due; the
 * caller asks again until {@link #NONE}.
 */
public enum DueStep {
  /** Incomplete and unpaid for longer than the expiry: incomplete_expired. */
  EXPIRE_INCOMPLETE,
  /** The trial ended with cancellation requested at its end: canceled at the trial end. */
  CANCEL_AT_TRIAL_END,
  /** The trial ended and its first invoice was paid ahead: active from the trial end. */
  ACTIVATE_AFTER_TRIAL,
  /** The trial ended unpaid: canceled at the trial end. */
  CANCEL_TRIAL_UNPAID,
  /** The period ended with cancellation requested at its end: canceled at the period end. */
  CANCEL_AT_PERIOD_END,
  /** The period ended and no renewal is in flight: bill the next period and charge it. */
  START_RENEWAL,
  /** Past due and the next retry of the open renewal invoice is due: charge it again. */
  RETRY_CHARGE,
  /** Nothing is due yet. */
  NONE;

  /**
   * What is due for {@code s}, whose latest invoice is {@code latest}, at {@code clockNow} (the
   * subscription's own clock).
   */
  public static DueStep of(
      Subscription s, Invoice latest, Instant clockNow, Duration incompleteExpiry) {
    switch (s.status) {
      case INCOMPLETE -> {
        if (!clockNow.isBefore(s.incompleteUntil(incompleteExpiry))) {
          return EXPIRE_INCOMPLETE;
        }
      }
      case TRIALING -> {
        if (!clockNow.isBefore(s.trialEnd)) {
          if (s.cancelAtPeriodEnd) {
            return CANCEL_AT_TRIAL_END;
          }
          if (latest != null && latest.status == InvoiceStatus.PAID) {
            return ACTIVATE_AFTER_TRIAL;
          }
          return CANCEL_TRIAL_UNPAID;
        }
      }
      case ACTIVE -> {
        if (s.currentPeriodEnd != null && !clockNow.isBefore(s.currentPeriodEnd)) {
          if (s.cancelAtPeriodEnd) {
            return CANCEL_AT_PERIOD_END;
          }
          boolean renewalInFlight = latest != null && latest.isRenewal() && latest.isOpen();
          if (!renewalInFlight) {
            return START_RENEWAL;
          }
        }
      }
      case PAST_DUE -> {
        if (latest != null
            && latest.isOpen()
            && !latest.chargePending
            && latest.nextPaymentAttempt != null
            && !clockNow.isBefore(latest.nextPaymentAttempt)) {
          return RETRY_CHARGE;
        }
      }
      default -> {
        // terminal: nothing is ever due
      }
    }
    return NONE;
  }
}
