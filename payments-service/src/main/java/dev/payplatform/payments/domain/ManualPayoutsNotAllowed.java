package dev.payplatform.payments.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * A payout was asked for while the schedule is automatic: as with Stripe, manual payouts need the
 * manual schedule (an automatic payout pays exactly its items, which a manual one would overdraw).
 */
public class ManualPayoutsNotAllowed extends DomainException {
  public ManualPayoutsNotAllowed(String interval) {
    super(
        "Payouts can be created only on the manual payout schedule; this account's is "
            + interval
            + ". Set schedule.interval to manual first.");
  }
}
