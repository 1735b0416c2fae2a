package dev.payplatform.checkout.domain;

import dev.payplatform.commons.errors.DomainException;

/**
 * A checkout token whose claims checkout cannot honour (not signed, not for this payment, unknown
 * purpose or amount).
 */
public class InvalidCheckoutLink extends DomainException {
  public InvalidCheckoutLink() {
    super("This checkout link is not valid.");
  }
}
