package dev.payplatform.billing.rest;

/**
 * A subscription as {@code GET /v1/subscriptions/{id}} returns it and the subscription.* events
 * carry it.
 *
 * @param testClock the subscription's test clock (test mode only; null in live mode)
 */
public record SubscriptionView(
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
    InvoiceView latestInvoice,
    TestClock testClock,
    boolean livemode,
    String createdAt) {

  /**
   * @param now the subscription's current time
   * @param advancedSeconds how far it runs ahead of real time
   */
  public record TestClock(String now, long advancedSeconds) {}
}
