package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** No payment link with this id for this merchant and mode. */
public class PaymentLinkNotFound extends DomainException {

  public PaymentLinkNotFound(String id) {
    super("No such payment link: " + id);
  }
}
