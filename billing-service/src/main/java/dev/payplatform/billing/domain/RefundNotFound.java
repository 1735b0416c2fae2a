package dev.payplatform.billing.domain;

import dev.payplatform.commons.errors.DomainException;

/** No refund with this id for this merchant and mode. */
public class RefundNotFound extends DomainException {

  public RefundNotFound(String id) {
    super("No such refund: " + id);
  }
}
