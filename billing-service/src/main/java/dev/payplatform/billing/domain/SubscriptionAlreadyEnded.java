package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** Only a subscription that has not ended (canceled, incomplete_expired) can be canceled. */
public class SubscriptionAlreadyEnded extends DomainException {

  public SubscriptionAlreadyEnded(String id, SubscriptionStatus status) {
    super("Subscription " + id + " has already ended (" + status.wire() + ").");
  }
}
