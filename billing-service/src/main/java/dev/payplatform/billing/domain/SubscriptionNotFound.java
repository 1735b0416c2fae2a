package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** No subscription with this id for this merchant and mode. */
public class SubscriptionNotFound extends DomainException {

  public SubscriptionNotFound(String id) {
    super("No such subscription: " + id);
  }
}
