package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/** The checkout link (hosted payment, link visit, invoice) behind this intent has expired. */
public class CheckoutLinkExpired extends DomainException {
  public CheckoutLinkExpired() {
    super("This checkout link has expired.");
  }
}
