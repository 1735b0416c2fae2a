package dev.payplatform.payments.domain;

import dev.payplatform.commons.errors.DomainException;

/** No payout of the caller's merchant and mode has this id (another merchant's looks the same). */
public class PayoutNotFound extends DomainException {
  public PayoutNotFound(String id) {
    super("No such payout: " + id);
  }
}
