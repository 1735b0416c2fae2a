package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * A subscription-mode session whose plan or customer this account no longer has: never a charge
 * with no subscription behind it.
 */
public class SubscriptionNotPayable extends DomainException {
  public SubscriptionNotPayable() {
    super(
        "This subscription's plan or customer is not known to this account, so it cannot be"
            + " paid.");
  }
}
