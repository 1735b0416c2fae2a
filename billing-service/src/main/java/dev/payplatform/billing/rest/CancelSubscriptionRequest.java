package dev.payplatform.billing.rest;

/**
 * The optional body of {@code POST /v1/subscriptions/{id}/cancel}.
 *
 * @param atPeriodEnd true: keep the subscription until its current period (or trial) ends; false or
 *     absent: cancel now
 */
public record CancelSubscriptionRequest(Boolean atPeriodEnd) {}
