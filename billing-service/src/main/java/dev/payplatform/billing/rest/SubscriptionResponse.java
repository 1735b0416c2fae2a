package dev.payplatform.billing.rest;

import dev.payplatform.billing.config.BuyerUrls;
import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.Subscription;
import dev.payplatform.commons.time.Timestamps;
import java.time.Instant;

/**
 * A subscription as {@code GET /v1/subscriptions/{id}} returns it and the subscription.* events
 * carry it.
 *
 * @param testClock the subscription's test clock (test mode only; null in live mode)
 */
public record SubscriptionResponse(
    String id,
    String object,
    String customerId,
    String planId,
    String status,
    long amount,
    String currency,
    String interval,
    int intervalCount,
    String description,
    String currentPeriodStart,
    String currentPeriodEnd,
    String trialStart,
    String trialEnd,
    boolean cancelAtPeriodEnd,
    String canceledAt,
    String endedAt,
    String cancellationReason,
    String defaultPaymentMethod,
    InvoiceResponse latestInvoice,
    TestClock testClock,
    boolean livemode,
    String createdAt) {

  /**
   * @param now the subscription's current time
   * @param advancedSeconds how far it runs ahead of real time
   */
  public record TestClock(String now, long advancedSeconds) {}

  /**
   * The subscription with its latest invoice; {@code now} is real time (its test clock runs ahead).
   */
  public static SubscriptionResponse of(
      Subscription s, Invoice latest, BuyerUrls urls, Instant now) {
    return new SubscriptionResponse(
        s.id,
        "subscription",
        s.customerId,
        s.planId,
        s.status.wire(),
        s.amount,
        s.currency,
        s.intervalUnit,
        s.intervalCount,
        s.description,
        Timestamps.format(s.currentPeriodStart),
        Timestamps.format(s.currentPeriodEnd),
        Timestamps.format(s.trialStart),
        Timestamps.format(s.trialEnd),
        s.cancelAtPeriodEnd,
        Timestamps.format(s.canceledAt),
        Timestamps.format(s.endedAt),
        s.cancellationReason,
        s.defaultPaymentMethod,
        latest == null ? null : InvoiceResponse.of(latest, s, urls),
        s.livemode
            ? null
            : new SubscriptionResponse.TestClock(
                Timestamps.format(s.clockNow(now)), s.clockOffsetSeconds),
        s.livemode,
        Timestamps.format(s.createdAt));
  }
}
