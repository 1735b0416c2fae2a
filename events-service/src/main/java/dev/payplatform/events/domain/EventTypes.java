package dev.payplatform.events.domain;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every event type a merchant's log can hold (docs/events/ has each one's schema; a test keeps the
 * two equal). An endpoint's {@code enabled_events} must each match at least one, so a typo is a 422
 * rather than an endpoint that never hears anything.
 */
public final class EventTypes {
  public static final String ENDPOINT_DISABLED = "webhook_endpoint.disabled";
  public static final String TEST = "webhook.test";

  /** Types of the platform's topics. */
  public static final Set<String> PLATFORM =
      Set.of(
          "balance.available",
          "charge.dispute.closed",
          "charge.dispute.created",
          "charge.dispute.funds_reinstated",
          "charge.dispute.funds_withdrawn",
          "charge.dispute.updated",
          "checkout.session.completed",
          "checkout.session.created",
          "checkout.session.expired",
          "checkout.subscription_requested",
          "customer.created",
          "invoice.charge_requested",
          "invoice.created",
          "invoice.paid",
          "invoice.payment_failed",
          "payment.canceled",
          "payment.created",
          "payment.failed",
          "payment.refunded",
          "payment.succeeded",
          "payment_intent.canceled",
          "payment_intent.created",
          "payment_intent.payment_failed",
          "payment_intent.requires_action",
          "payment_intent.succeeded",
          "payment_link.created",
          "payment_link.updated",
          "payout.canceled",
          "payout.created",
          "payout.failed",
          "payout.paid",
          "payout.updated",
          "plan.created",
          "processor.dispute_opened",
          "product.created",
          "refund.created",
          "refund.failed",
          "refund.succeeded",
          "refund.updated",
          "subscription.activated",
          "subscription.canceled",
          "subscription.created",
          "subscription.past_due",
          "subscription.renewed");

  /** Types events-service adds itself. */
  public static final Set<String> OWN = Set.of(ENDPOINT_DISABLED, TEST);

  private EventTypes() {}

  public static Set<String> all() {
    Set<String> all = new TreeSet<>(PLATFORM);
    all.addAll(OWN);
    return all;
  }

  /** Whether {@code pattern} is well-formed and matches at least one known type. */
  public static boolean isUseful(String pattern) {
    if (!EventTypePatterns.isValid(pattern)) {
      return false;
    }
    for (String type : all()) {
      if (EventTypePatterns.matches(pattern, type)) {
        return true;
      }
    }
    return false;
  }

  public static boolean anyUseful(List<String> patterns) {
    return patterns.stream().anyMatch(EventTypes::isUseful);
  }
}
