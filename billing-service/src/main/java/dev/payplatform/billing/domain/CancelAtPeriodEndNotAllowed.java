package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** Only an active or trialing subscription can be canceled at the end of its period. */
public class CancelAtPeriodEndNotAllowed extends DomainException {

  public CancelAtPeriodEndNotAllowed(String id, SubscriptionStatus status) {
    super(
        "Only an active or trialing subscription can be canceled at period end; this one is "
            + status.wire()
            + ". Cancel it now instead.");
  }
}
